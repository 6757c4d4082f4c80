using BlogSite.Cms.Recipes.Execution;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.PublicSite;

/// Pages render in the theme at their path, and the home page is a setting any routable item can take: from the
/// settings step's HomeRoute or from an item's AutoroutePart.SetHomepage, as in Orchard Core's recipes.
public sealed class PagesAndHomeTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>
{
    private const string BlogId = "a0hxqec0qer4qqzbxv00xfy2c5";
    private const string AboutId = "4aboutpage0000000000000000";

    [Fact]
    public async Task TheSetupRecipesAboutPageIsDrawnInTheThemeAtItsPath()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/about");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Equal("About", page.Document.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("North Korea Policy Watch follows", page.Document.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("link[href*='BlogSite.Theme']"));
    }

    [Fact]
    public async Task TheHomeRouteSettingPutsAnyRoutableItemAtTheRoot()
    {
        await RunAsync($$"""{ "steps": [ { "name": "settings", "HomeRoute": { "Action": "Display", "Controller": "Item", "Area": "OrchardCore.Contents", "ContentItemId": "{{AboutId}}" } } ] }""");
        var about = await HtmlPage.GetAsync(site.Client, "/");

        await RunAsync($$"""{ "steps": [ { "name": "settings", "HomeRoute": { "Action": "Display", "Controller": "Item", "Area": "OrchardCore.Contents", "ContentItemId": "{{BlogId}}" } } ] }""");
        var blog = await HtmlPage.GetAsync(site.Client, "/");

        Assert.Contains("North Korea Policy Watch follows", about.Document.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("North Korea Policy Watch follows", blog.Document.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(SetupRecipe.TitleOf(SetupRecipe.Instance.Posts[0]), blog.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APagePublishedWithSetHomepageBecomesTheHomePage()
    {
        await RunAsync("""
            { "steps": [ { "name": "content", "Data": [ {
                "ContentItemId": "4landingpage00000000000000", "ContentType": "Page", "DisplayText": "Welcome", "Latest": true, "Published": true,
                "TitlePart": { "Title": "Welcome" }, "AutoroutePart": { "Path": "welcome", "SetHomepage": true },
                "MarkdownBodyPart": { "Markdown": "A landing page that asked to be the home page." } } ] } ] }
            """);

        var home = await HtmlPage.GetAsync(site.Client, "/");

        Assert.Contains("A landing page that asked to be the home page.", home.Html, StringComparison.Ordinal);
        await RunAsync($$"""{ "steps": [ { "name": "settings", "HomeRoute": { "ContentItemId": "{{BlogId}}" } } ] }""");
    }

    private Task<RecipeReport> RunAsync(string json) => RecipeRunner.RunAsync(site.Factory.Services, json);
}
