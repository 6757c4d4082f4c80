using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Recipes.Export;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Content types in the admin (/admin/content-types): stored as the ContentDefinition step writes them, so an export
/// carries them to another site unchanged; each change checks EditContentTypes; wrong input is refused with a reason.
public sealed class ContentTypesAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task AnEventTypeWithADateFieldCreatedInTheAdminTravelsToAnotherSiteByExport()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var created = await AdminSite.PostFormAsync(admin, "/admin/content-types", "Create", new()
        {
            ["type.DisplayName"] = "Event", ["type.Creatable"] = "true", ["type.Listable"] = "true", ["type.Draftable"] = "true", ["type.Versionable"] = "true",
            ["parts"] = "TitlePart",
        }, ("parts", "AutoroutePart"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/content-types/Event", created.Headers.Location?.OriginalString);
        using var field = await AdminSite.PostFormAsync(admin, "/admin/content-types/Event", "AddField", new()
        {
            ["field.Kind"] = "DateTimeField", ["field.DisplayName"] = "Starts at", ["field.Hint"] = "In the site's time zone.", ["field.Required"] = "true",
        });
        using var pattern = await AdminSite.PostFormAsync(admin, "/admin/content-types/Event", "Autoroute", new()
        {
            ["pattern"] = "events/{{ Model.ContentItem | display_text | slugify }}", ["allowCustomPath"] = "true",
        });

        var here = await DefinitionsAsync(site.Factory.Services);
        var type = here.Type("Event")!;
        Assert.Equal(["TitlePart", "AutoroutePart", "Event"], type.ContentTypePartDefinitionRecords.Select(p => p.Name));
        Assert.True(DefinitionSettings.Get<ContentTypeSettings>(type.Settings)!.Draftable);
        var startsAt = here.Part("Event")!.ContentPartFieldDefinitionRecords.Single();
        Assert.Equal(("StartsAt", "DateTimeField"), (startsAt.Name, startsAt.FieldName));
        Assert.Equal("Starts at", startsAt.Settings["ContentPartFieldSettings"]!["DisplayName"]!.GetValue<string>());
        Assert.True(startsAt.Settings["DateTimeFieldSettings"]!["Required"]!.GetValue<bool>());

        await using var other = await TestSite.StartAsync();
        await ImportAsync(other.Factory.Services, await ExportAsync(site.Factory.Services));
        var there = await DefinitionsAsync(other.Factory.Services);
        Assert.True(JsonNode.DeepEquals(Json(here.Type("Event")), Json(there.Type("Event"))));
        Assert.True(JsonNode.DeepEquals(Json(here.Part("Event")), Json(there.Part("Event"))));
    }

    [Fact]
    public async Task WrongNamesAndPatternsAreRefusedWithTheirReason()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var badName = await AdminSite.PostFormAsync(admin, "/admin/content-types", "Create", new() { ["type.DisplayName"] = "Odd", ["type.Name"] = "9 lives" });
        using var takenName = await AdminSite.PostFormAsync(admin, "/admin/content-types", "Create", new() { ["type.DisplayName"] = "Blog Post", ["type.Name"] = "BlogPost" });
        using var badPattern = await AdminSite.PostFormAsync(admin, "/admin/content-types/Page", "Autoroute", new() { ["pattern"] = "{{ Model.ContentItem | " });

        Assert.Contains("must start with a letter", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("already a type or part named", await takenName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not valid Liquid", await badPattern.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    public async Task OnlyThoseAllowedToEditContentTypesReachThem(string role)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        using var list = await client.GetAsync("/admin/content-types");
        using var create = await client.PostAsync("/admin/content-types?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["type.DisplayName"] = "Sneaky", ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin"),
        }));

        Assert.StartsWith("/admin/denied", list.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", create.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Null((await DefinitionsAsync(site.Factory.Services)).Type("Sneaky"));
    }

    private static async Task<ContentDefinitionDocument> DefinitionsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
    }

    private static async Task<JsonObject> ExportAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(setup: false);
    }

    private static async Task ImportAsync(IServiceProvider services, JsonObject recipe)
    {
        var definitionsOnly = new JsonObject
        {
            ["name"] = "definitions",
            ["steps"] = new JsonArray([.. ((JsonArray)recipe["steps"]!).OfType<JsonObject>()
                .Where(s => s["name"]?.GetValue<string>() == "ContentDefinition").Select(s => (JsonNode)s.DeepClone())]),
        };
        await RecipeRunner.RunAsync(services, definitionsOnly.ToJsonString());
    }

    private static JsonNode? Json<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value, BlogSite.Cms.Content.Model.ContentJson.Options);
}
