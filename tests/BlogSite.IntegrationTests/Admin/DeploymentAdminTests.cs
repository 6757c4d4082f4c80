using BlogSite.Cms.Recipes.Execution;
using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Import (validation report first, then the import), export downloads and API clients, through the admin pages.
public sealed class DeploymentAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static async Task<string> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, page);
        using var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task APastedRecipeIsCheckedFirstAndImportedOnlyWhenConfirmed()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");
        var recipe = """
            { "name": "From the admin", "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "adminimport000000000000001", "ContentType": "BlogPost", "DisplayText": "Imported in the admin", "Published": true,
                "PublishedUtc": "2016-06-02T10:00:00Z", "TitlePart": { "Title": "Imported in the admin" }, "AutoroutePart": { "Path": "blog/imported-in-the-admin" },
                "MarkdownBodyPart": { "Markdown": "Pasted, checked, imported." } } ] } ] }
            """;

        var checkedPage = await PostFormAsync(client, "/admin/deployment/import", "Validate", new() { ["json"] = recipe });
        Assert.Contains("The recipe is valid", checkedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/blog/imported-in-the-admin")).StatusCode);

        var token = System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"token\" value=\"(?<t>[0-9a-f]{32})\"").Groups["t"].Value;
        var imported = await PostFormAsync(client, "/admin/deployment/import", "Import", new() { ["token"] = token });

        Assert.Contains("Imported: 1 created", imported, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/blog/imported-in-the-admin")).StatusCode);
    }

    [Fact]
    public async Task ABrokenRecipeShowsEveryErrorWithItsStepAndPathAndCannotBeImported()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        var page = await PostFormAsync(client, "/admin/deployment/import", "Validate", new()
        {
            ["json"] = """{ "name": "Bad", "steps": [ { "name": "settings", "PageSize": 0 }, { "name": "content", "Data": [ { "ContentType": "BlogPost" } ] } ] }""",
        });

        Assert.Contains("step 0 'settings' at <code>$.steps[0].PageSize</code>", page, StringComparison.Ordinal);
        Assert.Contains("step 1 'content' at <code>$.steps[1].Data[0].ContentItemId</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportDownloadsAsARecipe()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");
        var token = await AdminSite.TokenAsync(client, "/admin/deployment/export");

        using var response = await client.PostAsync("/admin/deployment/export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["types"] = "BlogPost", ["format"] = "json", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var recipe = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var items = recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "content")!["Data"]!.AsArray();
        Assert.Equal(["Blog", "BlogPost", "Taxonomy"], items.Select(i => i!["ContentType"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnApiClientsKeyIsShownOnceAndWorks()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        var page = await PostFormAsync(client, "/admin/deployment/clients", "Add", new() { ["name"] = "production" });

        var key = System.Text.RegularExpressions.Regex.Match(page, "<p class=\"key\">(?<k>[A-Za-z0-9_-]+)</p>").Groups["k"].Value;
        Assert.NotEmpty(key);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var trust = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().VerifyAsync("production", key);
        Assert.NotNull(trust);
        Assert.Equal([RecipeTrust.ContentScope], trust.Scopes);
        Assert.DoesNotContain(key, await client.GetStringAsync("/admin/deployment/clients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientGivenTheUsersScopeHoldsItAndTheListSaysSo()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await AdminSite.PostFormAsync(
            client, "/admin/deployment/clients", "Add", new() { ["name"] = "staging-with-users" }, ("scopes", RecipeTrust.UsersScope));
        var page = await response.Content.ReadAsStringAsync();

        var key = System.Text.RegularExpressions.Regex.Match(page, "<p class=\"key\">(?<k>[A-Za-z0-9_-]+)</p>").Groups["k"].Value;
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var trust = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().VerifyAsync("staging-with-users", key);
        Assert.Equal([RecipeTrust.ContentScope, RecipeTrust.UsersScope], trust!.Scopes.Order(StringComparer.Ordinal));
        Assert.Contains("<td>staging-with-users</td>\n            <td>content, users</td>", await client.GetStringAsync("/admin/deployment/clients"), StringComparison.Ordinal);
    }
}
