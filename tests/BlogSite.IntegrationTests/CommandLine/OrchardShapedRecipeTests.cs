using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.Extensions.Configuration;

namespace BlogSite.IntegrationTests.CommandLine;

/// A recipe the project wrote in Orchard Core's format with every shape Orchard Core's own Blog recipes use, imported
/// into an empty site with `recipe run`, then read back through the public pages and `recipe export`.
public sealed class OrchardShapedRecipeTests : IAsyncLifetime
{
    private static readonly string Recipe = Path.Combine(AppContext.BaseDirectory, "Recipes", "OrchardShapes", "field-notes.recipe.json");

    private readonly SqliteTestDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BlogSiteCommandLine.RunAsync(args, output, error, c => c.AddInMemoryCollection(database.Settings));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ItImportsIntoAnEmptySiteAndItsPostRendersWithTermsAndMedia()
    {
        var (exit, output, warnings) = await RunAsync("recipe", "run", Recipe);

        Assert.Equal(0, exit);
        Assert.Contains("7 created", output, StringComparison.Ordinal);
        foreach (var expected in new[] { "'OrchardCore.Layers'", "'TheBlogTheme'", "'layers' step", "'queries' step", "'AdminMenu' step", "'MediaProfiles' step" })
        {
            Assert.Contains(expected, warnings, StringComparison.Ordinal);
        }

        await using var factory = new BlogSiteFactory(database.Settings);
        using var client = factory.CreateClient();
        var post = await HtmlPage.GetAsync(client, "/blog/first-walk");
        var home = await HtmlPage.GetAsync(client, "/");
        var about = await HtmlPage.GetAsync(client, "/about");
        using var image = await client.GetAsync("/media/summit.png");

        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal("The first walk along the river", post.Document.QuerySelector("main h1")?.TextContent);
        Assert.Equal("Twelve miles of water and stone", post.Document.QuerySelector(".post-subtitle")?.TextContent);
        Assert.Equal(["/tags/rivers", "/tags/ridges"], post.Document.QuerySelectorAll(".badges a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/categories/highlands", post.Document.QuerySelector(".post-category a")?.GetAttribute("href"));
        Assert.Equal("/media/summit.png", post.Document.QuerySelector("img.post-image")?.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(["/blog/first-walk"], home.PostLinks);
        Assert.DoesNotContain("'Menu'", warnings, StringComparison.Ordinal);
        Assert.Equal(["Start"], home.Document.QuerySelectorAll("header nav[aria-label=Main] a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["/blog/first-walk"], (await HtmlPage.GetAsync(client, "/tags/rivers")).PostLinks);
        Assert.Contains("Two people and a map.", about.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('not here')", about.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItsCoreShapeWithoutFeatureStepsImportsIntoAnEmptySiteToo()
    {
        var core = Path.Combine(Path.GetDirectoryName(Recipe)!, "field-notes.core.recipe.json");

        var (exit, output, errors) = await RunAsync("recipe", "run", core);

        Assert.True(exit == 0, errors);
        Assert.Contains("4 created", output, StringComparison.Ordinal);
        await using var factory = new BlogSiteFactory(database.Settings);
        using var client = factory.CreateClient();
        var post = await HtmlPage.GetAsync(client, "/blog/first-walk");
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(["/tags/rivers", "/tags/ridges"], post.Document.QuerySelectorAll(".badges a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/blog/first-walk"], (await HtmlPage.GetAsync(client, "/")).PostLinks);
    }

    [Fact]
    public async Task WhatBlogSiteCannotRunIsKeptAndExportedBack()
    {
        await RunAsync("recipe", "run", Recipe);
        var exported = Path.Combine(Path.GetDirectoryName(database.MediaFolder)!, $"export-{Guid.NewGuid():N}.json");

        var (exit, _, _) = await RunAsync("recipe", "export", "--out", exported);

        Assert.Equal(0, exit);
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(exported))!;
        File.Delete(exported);
        var steps = recipe["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Subset(new HashSet<string>(steps), new HashSet<string> { "layers", "queries", "AdminMenu", "MediaProfiles", "ContentDefinition", "content", "Roles", "settings" });
        var queries = recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "queries")!;
        Assert.Equal("{\"type\":\"object\"}", queries["Queries"]![0]!["Schema"]!.GetValue<string>());
        var items = recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "content")!["Data"]!.AsArray();
        var snippet = items.Single(i => i!["ContentType"]!.GetValue<string>() == "Snippet")!;
        Assert.Contains("Field Notes is written on foot.", snippet["Snippet"]!["Content"]!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Footer", snippet["LayerMetadata"]!["Zone"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunningItAgainIsRefusedBecauseItsIdsComeFromUuid()
    {
        await RunAsync("recipe", "run", Recipe);

        var (exit, _, error) = await RunAsync("recipe", "run", Recipe);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("step 5 'content' at $.steps[5].Data[4].ContentItemId", error, StringComparison.Ordinal);
        Assert.Contains("uuid()", error, StringComparison.Ordinal);
    }
}
