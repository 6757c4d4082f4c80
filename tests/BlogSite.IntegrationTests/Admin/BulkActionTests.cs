using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Publish, unpublish and delete from the content list, each checked against the user's permissions on that item.
public sealed class BulkActionTests(AdminSite site) : IClassFixture<AdminSite>
{
    private async Task<string> DraftAsync(string id, string path, string? ownerName = null)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var owner = ownerName is null ? null : await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(ownerName);
        await scope.ServiceProvider.GetRequiredService<ContentStore>().ImportAsync(new ContentItem
        {
            ContentItemId = id, ContentType = "BlogPost", DisplayText = $"Draft {id}", Latest = true, Published = false, Owner = owner?.Id,
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = $"Draft {id}" },
                ["AutoroutePart"] = new JsonObject { ["Path"] = path },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "Body." },
            },
        });
        return "/" + path;
    }

    private static async Task<string> ApplyAsync(HttpClient client, string action, params string[] ids)
    {
        var fields = ids.Select(id => new KeyValuePair<string, string>("ids", id)).ToList();
        fields.Add(new("bulkAction", action));
        fields.Add(new("__RequestVerificationToken", await AdminSite.TokenAsync(client, "/admin/content")));
        using var response = await client.PostAsync("/admin/content", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location!.OriginalString);
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
        Assert.DoesNotContain("Draft bulkeditor", afterDelete, StringComparison.Ordinal);
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

        Assert.Contains("Published 1. 1 not allowed", authorResult, StringComparison.Ordinal);
        Assert.Contains("Published 0. 1 not allowed", contributorResult, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(others)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(contributors)).StatusCode);
    }
}
