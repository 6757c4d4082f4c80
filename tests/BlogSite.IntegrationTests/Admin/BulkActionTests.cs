using System.Net;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Publish, unpublish and delete from the content list, each checked against the user's permissions on that item.
public sealed class BulkActionTests(AdminSite site) : IClassFixture<AdminSite>
{
    private Task<string> DraftAsync(string id, string path, string? ownerName = null) =>
        TestPost.DraftAsync(site.Factory.Services, id, path, ownerName);

    private const string BlogId = "a0hxqec0qer4qqzbxv00xfy2c5";

    /// The message the list shows after the action.
    private static async Task<string> ApplyAsync(HttpClient client, string action, params string[] ids)
    {
        var fields = ids.Select(id => new KeyValuePair<string, string>("ids", id)).ToList();
        fields.Add(new("bulkAction", action));
        fields.Add(new("__RequestVerificationToken", await AdminSite.TokenAsync(client, "/admin/content")));
        using var response = await client.PostAsync("/admin/content", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await BlogSite.Testing.HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);
        return page.Document.QuerySelector("main .message")?.TextContent ?? "";
    }

    [Fact]
    public async Task AnEditorPublishesUnpublishesAndDeletes()
    {
        var url = await DraftAsync("bulkeditor000000000000001", "blog/bulk-editor");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();

        Assert.Contains("Published 1.", await ApplyAsync(editor, "publish", "bulkeditor000000000000001"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);

        Assert.Contains("Unpublished 1.", await ApplyAsync(editor, "unpublish", "bulkeditor000000000000001"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);

        var afterDelete = await ApplyAsync(editor, "delete", "bulkeditor000000000000001");
        Assert.Contains("Deleted 1.", afterDelete, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft bulkeditor", await editor.GetStringAsync("/admin/content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorPublishesOwnPostsOnlyAndAContributorNone()
    {
        var own = await DraftAsync("bulkauthor000000000000001", "blog/bulk-author-own", ownerName: "author");
        var others = await DraftAsync("bulkauthor000000000000002", "blog/bulk-author-other", ownerName: "admin");
        var contributors = await DraftAsync("bulkcontrib00000000000001", "blog/bulk-contributor", ownerName: "contributor");
        using var author = await AdminSite.SignedInAsync(site, "Author");
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        using var reader = site.NewClient();

        var authorResult = await ApplyAsync(author, "publish", "bulkauthor000000000000001", "bulkauthor000000000000002");
        var contributorResult = await ApplyAsync(contributor, "publish", "bulkcontrib00000000000001");

        Assert.Equal("Published 1. Left alone: 'Draft bulkauthor000000000000002' (you may not publish it).", authorResult);
        Assert.Equal("Published 0. Left alone: 'Draft bulkcontrib00000000000001' (you may not publish it).", contributorResult);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(others)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(contributors)).StatusCode);
    }

    [Fact]
    public async Task TheBlogIsNeverOfferedToBulkActionsAndAForgedRequestLeavesItAloneSayingWhy()
    {
        var post = await DraftAsync("bulkmixed0000000000000001", "blog/bulk-mixed");
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();

        var list = await BlogSite.Testing.HtmlPage.GetAsync(admin, "/admin/content?type=Blog");
        var unpublished = await ApplyAsync(admin, "unpublish", BlogId);
        var deleted = await ApplyAsync(admin, "delete", BlogId, "bulkmixed0000000000000001");

        Assert.Null(list.Document.QuerySelector($"input[name=ids][value='{BlogId}']"));
        Assert.NotNull(list.Document.QuerySelector(".structural"));
        Assert.StartsWith("Unpublished 0. Left alone: 'Latest posts' (it is the site's home page; it holds ", unpublished, StringComparison.Ordinal);
        Assert.StartsWith("Deleted 1. Left alone: 'Latest posts' (it is the site's home page;", deleted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(post)).StatusCode);
    }

    [Fact]
    public async Task ATaxonomyInUseOrTheHomePageCannotBeDeletedOrUnpublishedFromItsPageEither()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        var taxonomy = await PostItemAsync(admin, "4categor1estaxonomy0000000", "Delete");
        var home = await PostItemAsync(admin, BlogId, "Unpublish");

        Assert.StartsWith("'Categories' cannot be deleted: the Blog Post type's Category field chooses from it and ", taxonomy, StringComparison.Ordinal);
        Assert.EndsWith(" are filed under its terms.", taxonomy, StringComparison.Ordinal);
        Assert.StartsWith("'Latest posts' cannot be unpublished: it is the site's home page and it holds ", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/items/4categor1estaxonomy0000000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/categories/sanctions")).StatusCode);
    }

    [Fact]
    public async Task APostThatIsTheHomePageIsNotDeletedFromThePostEditor()
    {
        var post = SetupRecipe.Instance.Posts[1];
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BlogSite.Cms.Content.Routing.HomeRoute>().SetAsync(post.ContentItemId);
        }

        try
        {
            var page = $"/admin/posts/{post.ContentItemId}";
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AdminSite.TokenAsync(admin, page) };
            using var response = await admin.PostAsync($"{page}?handler=Delete", new FormUrlEncodedContent(fields));
            var shown = await BlogSite.Testing.HtmlPage.GetAsync(admin, response.Headers.Location!.OriginalString);

            Assert.Equal(page, response.Headers.Location?.OriginalString);
            Assert.StartsWith($"'{SetupRecipe.TitleOf(post)}' cannot be deleted: it is the site's home page", shown.Document.QuerySelector("main .message.error")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/")).StatusCode);
        }
        finally
        {
            await using var scope = site.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BlogSite.Cms.Content.Routing.HomeRoute>().SetAsync(BlogId);
        }
    }

    /// Posts an action of the item editor; returns the refusal the page then shows.
    private static async Task<string> PostItemAsync(HttpClient client, string id, string handler)
    {
        var page = $"/admin/items/{id}";
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, page) };
        using var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await BlogSite.Testing.HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);
        return shown.Document.QuerySelector("main .message.error")?.TextContent ?? "";
    }
}
