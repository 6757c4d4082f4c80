using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes.Steps;

/// The feature, themes, settings, Roles and ContentDefinition steps.
public sealed class SiteStepsTests : IAsyncLifetime
{
    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    [Fact]
    public async Task EnablingAFeatureEnablesItsDependenciesFirstAndDeclaresItsTypes()
    {
        var report = await store.RunAsync(With(EnableBlog));

        var enabled = await WithScopeAsync(s => s.GetRequiredService<FeatureManager>().GetEnabledAsync());
        Assert.Empty(report.Warnings);
        Assert.True(enabled.ToList().IndexOf("OrchardCore.Contents") < enabled.ToList().IndexOf("BlogSite.Blog"));
        Assert.Contains("OrchardCore.Taxonomies", enabled);
        var definitions = await WithScopeAsync(s => s.GetRequiredService<ContentDefinitionStore>().GetAsync());
        Assert.NotNull(definitions.Type("BlogPost"));
        Assert.NotNull(definitions.Type("Taxonomy"));
    }

    [Fact]
    public async Task OrchardFeaturesBlogSiteLacksAreWarnings()
    {
        var report = await store.RunAsync(With("""{ "name": "feature", "enable": [ "OrchardCore.Layers", "BlogSite.Blog" ] }"""));

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("OrchardCore.Layers", warning.Message, StringComparison.Ordinal);
        Assert.Equal("$.steps[0].enable", warning.JsonPath);
    }

    [Fact]
    public void AFeatureListMustHoldNames()
    {
        var report = store.Validate(With("""{ "name": "feature", "enable": [ "BlogSite.Blog", 7 ] }"""));

        Assert.Equal("$.steps[0].enable[1]", Assert.Single(report.Errors).JsonPath);
    }

    [Fact]
    public async Task TheSiteThemeIsEnabledAndAnUnknownOneIsReported()
    {
        var report = await store.RunAsync(With("""{ "name": "themes", "site": "BlogSite.Theme" }"""));
        Assert.Empty(report.Warnings);
        Assert.Contains("BlogSite.Theme", await WithScopeAsync(s => s.GetRequiredService<FeatureManager>().GetEnabledAsync()));

        var unknown = store.Validate(With("""{ "name": "themes", "site": "TheBlogTheme" }"""));
        Assert.Equal("$.steps[0].site", Assert.Single(unknown.Warnings).JsonPath);
    }

    [Fact]
    public async Task SettingsAreMergedAndScriptValuesEvaluated()
    {
        await store.RunAsync(With("""{ "name": "settings", "SiteName": "First", "PageSize": 5 }"""));
        await store.RunAsync(With("""{ "name": "settings", "SiteName": "[js: 'Second ' + 'name']" }"""));

        var settings = await WithScopeAsync(s => s.GetRequiredService<SiteSettingsStore>().GetAsync());
        Assert.Equal("Second name", settings.SiteName);
        Assert.Equal(5, settings.PageSize);
    }

    [Fact]
    public void BadSettingsNameTheirPath()
    {
        var report = store.Validate(With("""{ "name": "settings", "SiteName": 3, "PageSize": 0 }"""));

        Assert.Equal(["$.steps[0].SiteName", "$.steps[0].PageSize"], report.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public async Task RolesAreCreatedAndTheirPermissionsReplaced()
    {
        await store.RunAsync(With("""{ "name": "Roles", "Roles": [ { "Name": "Editor", "Description": "Edits", "Permissions": [ "EditContent", "PublishContent" ] } ] }"""));
        await store.RunAsync(With("""{ "name": "Roles", "Roles": [ { "Name": "Editor", "Description": "Edits all", "Permissions": [ "EditContent", "DeleteContent" ] } ] }"""));

        var (description, permissions) = await WithScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleManager<CmsRole>>();
            var role = (await roles.FindByNameAsync("Editor"))!;
            var claims = await roles.GetClaimsAsync(role);
            return (role.Description, claims.Where(c => c.Type == CmsRole.PermissionClaimType).Select(c => c.Value).Order().ToList());
        });
        Assert.Equal("Edits all", description);
        Assert.Equal(["DeleteContent", "EditContent"], permissions);
    }

    [Fact]
    public void ARoleNeedsANameAndPermissionNames()
    {
        var report = store.Validate(With("""{ "name": "Roles", "Roles": [ { "Description": "nameless" }, { "Name": "X", "Permissions": [ 1 ] } ] }"""));

        Assert.Equal(["$.steps[0].Roles[0].Name", "$.steps[0].Roles[1].Permissions[0]"], report.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public async Task ContentDefinitionsMergeWithTheTypesModulesDeclare()
    {
        await store.RunAsync(With(EnableBlog, """
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "BlogPost", "DisplayName": "Article of the blog", "Settings": {}, "ContentTypePartDefinitionRecords": [
                  { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": {} } ] } ],
              "ContentParts": [ { "Name": "BlogPost", "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "TextField", "Name": "Summary", "Settings": {} } ] } ] }
            """));

        var definitions = await WithScopeAsync(s => s.GetRequiredService<ContentDefinitionStore>().GetAsync());
        var post = definitions.Type("BlogPost")!;
        Assert.Equal("Article of the blog", post.DisplayName);
        Assert.True(post.HasPart("MarkdownBodyPart"));
        Assert.True(post.HasPart("HtmlBodyPart"));
        Assert.Equal(
            ["Subtitle", "Image", "Category", "Tags", "Excerpt", "ImageCaption", "Summary"],
            definitions.Part("BlogPost")!.ContentPartFieldDefinitionRecords.Select(f => f.Name));
        Assert.True(post.Settings["ContentTypeSettings"]!["Draftable"]!.GetValue<bool>());
    }

    [Fact]
    public void DefinitionsWithoutNamesAreReported()
    {
        var report = store.Validate(With("""
            { "name": "ContentDefinition",
              "ContentTypes": [ { "DisplayName": "No name", "ContentTypePartDefinitionRecords": [ { "Name": "x" } ] } ],
              "ContentParts": [ { "Name": "P", "ContentPartFieldDefinitionRecords": [ { "Name": "F" } ] }, "oops" ] }
            """));

        Assert.Equal(
            [
                "$.steps[0].ContentTypes[0].Name",
                "$.steps[0].ContentTypes[0].ContentTypePartDefinitionRecords[0].PartName",
                "$.steps[0].ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName",
                "$.steps[0].ContentParts[1]",
            ],
            report.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public async Task StepsBlogSiteLacksAreWarnedAboutAndKept()
    {
        var report = await store.RunAsync(With("""{ "name": "layers", "Layers": [ { "Name": "Always" } ] }"""));

        Assert.Equal("$.steps[0].name", Assert.Single(report.Warnings).JsonPath);
        var kept = await WithScopeAsync(s => s.GetRequiredService<BlogSite.Cms.Recipes.Execution.KeptStepStore>().GetAsync());
        Assert.Equal("Always", Assert.Single(kept)["Layers"]![0]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DocumentsAreStoredPerKey()
    {
        await store.RunAsync(With("""{ "name": "settings", "SiteName": "Stored" }"""));

        Assert.True(await WithScopeAsync(s => s.GetRequiredService<DocumentStore>().ExistsAsync("SiteSettings")));
        Assert.False(await WithScopeAsync(s => s.GetRequiredService<DocumentStore>().ExistsAsync("Setup")));
    }
}
