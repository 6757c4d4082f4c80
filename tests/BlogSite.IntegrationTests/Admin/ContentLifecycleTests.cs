using System.Net;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// The life of an item of every draftable type, through the editor its type has: drafts, publishing, versions and
/// unpublishing work the same for all. The site is this class's own, so its types are exactly the setup recipe's.
public sealed class ContentLifecycleTests(AdminSite site) : IClassFixture<AdminSite>
{
    /// Every draftable type the site has (read from its definitions, so a type added later is covered too).
    [Fact]
    public async Task AnItemOfEveryDraftableTypeGoesFromDraftToPublishedToEditedToRestoredToUnpublished()
    {
        List<string> draftable;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            draftable = [.. (await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync()).ContentTypes
                // A taxonomy's terms are edited live on its own page, as in Orchard Core; its type is draftable only in name.
                .Where(t => DefinitionSettings.Get<ContentTypeSettings>(t.Settings)?.Draftable == true && t.Name != Taxonomy.ContentType)
                .Select(t => t.Name)];
        }

        Assert.Superset(new HashSet<string> { "BlogPost", "Page" }, draftable.ToHashSet());
        foreach (var type in draftable)
        {
            await GoThroughTheLifeOfAnItemAsync(type);
        }
    }

    private async Task GoThroughTheLifeOfAnItemAsync(string type)
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var title = $"Lifecycle of a {type.ToLowerInvariant()}";
        string url;
        if (type == "BlogPost")
        {
            using var created = await (await PostEditorForm.OpenAsync(editor)).Set("Title", title).Set("Markdown", "The first words.").PostAsync("Save");
            url = created.Headers.Location!.OriginalString;
            Assert.Null(await PublicPathAsync(url));
            using var published = await (await PostEditorForm.OpenAsync(editor, url.Split('/')[^1])).PostAsync("Publish");
            using var edited = await (await PostEditorForm.OpenAsync(editor, url.Split('/')[^1])).Set("Markdown", "Words to regret.").PostAsync("Save");
        }
        else
        {
            var body = (await AdminSite.EditorFormAsync(editor, $"/admin/items/new?type={type}")).Keys
                .Single(k => k is "Values[MarkdownBodyPart.Markdown]" or "Values[HtmlBodyPart.Html]");
            using var created = await AdminSite.PostFormAsync(editor, $"/admin/items/new?type={type}", "Save", new()
            {
                ["Values[TitlePart.Title]"] = title, [body] = "The first words.",
            });
            url = created.Headers.Location!.OriginalString;
            Assert.Null(await PublicPathAsync(url));
            using var published = await AdminSite.PostFormAsync(editor, url, "Publish", await AdminSite.EditorFormAsync(editor, url));
            var edit = await AdminSite.EditorFormAsync(editor, url);
            edit[body] = "Words to regret.";
            using var edited = await AdminSite.PostFormAsync(editor, url, "Save", edit);
        }

        var path = await PublicPathAsync(url) ?? throw new InvalidOperationException($"The {type} was not published.");
        var live = await reader.GetStringAsync(path);
        Assert.True(live.Contains("The first words.", StringComparison.Ordinal), $"The published {type} at {path} shows its first words.");
        Assert.DoesNotContain("Words to regret.", live, StringComparison.Ordinal);

        var id = url.Split('/')[^1];
        var history = await HtmlPage.GetAsync(editor, $"/admin/items/{id}/versions");
        var restore = history.Document.QuerySelectorAll("form[action*='handler=Restore']")[^1];
        using var restored = await editor.PostAsync(restore.GetAttribute("action"), new FormUrlEncodedContent(
            restore.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(url, restored.Headers.Location?.OriginalString);
        Assert.Contains("The first words.", await editor.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("Words to regret.", await editor.GetStringAsync(url), StringComparison.Ordinal);

        using var unpublished = type == "BlogPost"
            ? await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("Unpublish")
            : await AdminSite.PostFormAsync(editor, url, "Unpublish", await AdminSite.EditorFormAsync(editor, url));
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
    }

    /// The public path of the published item an editor URL is about, or null when it is not published.
    private async Task<string?> PublicPathAsync(string editorUrl)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetPublishedAsync(editorUrl.Split('/')[^1]);
        return item?.As<AutoroutePart>()?.Path is { } path ? "/" + path : null;
    }
}
