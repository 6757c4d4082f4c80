using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// A post's address comes from its type's Autoroute pattern; an address the editor leaves alone stays as it is,
/// wherever it came from.
public sealed class PostPathTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task AnImportedPathSurvivesASaveThatDidNotTouchIt()
    {
        var post = await ImportAsync("4importedpath0000000000001", "news/2024/hello", "Hello from an import");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = await PostEditorForm.OpenAsync(editor, post);

        using var response = await form.Set("Markdown", "Edited, the address left alone.").PostAsync("Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("hello", form["Slug"]);
        Assert.Contains("Edited, the address left alone.", await site.NewClient().GetStringAsync("/news/2024/hello"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewSlugKeepsThePathItWasFiledUnder()
    {
        var post = await ImportAsync("4importedpath0000000000002", "news/2024/renamed-soon", "Renamed soon");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await (await PostEditorForm.OpenAsync(editor, post)).Set("Slug", "renamed-now").PostAsync("Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/news/2024/renamed-now")).StatusCode);
        using var old = await site.NewClient().GetAsync("/news/2024/renamed-soon");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
    }

    [Fact]
    public async Task ANewPostGetsThePathOfItsTypesPattern()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "Patterned from the title").Set("Slug", "").Set("Markdown", "Words.");

        using var response = await form.PostAsync("Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/blog/patterned-from-the-title")).StatusCode);
    }

    private async Task<string> ImportAsync(string id, string path, string title)
    {
        var post = new ContentItem
        {
            ContentItemId = id,
            ContentType = "BlogPost",
            DisplayText = title,
            Latest = true,
            Published = true,
            PublishedUtc = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc),
            Content = new JsonObject { ["BlogPost"] = new JsonObject() },
        };
        post.Apply(new TitlePart(title)).Apply(new AutoroutePart(path)).Apply(new MarkdownBodyPart("As imported."));
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(post);
        return id;
    }
}
