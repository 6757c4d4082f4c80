using System.Globalization;
using System.Net;
using System.Text.Json;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// The post editor through HTTP, as the browser posts it: drafts, publishing, slugs, conflicts, autosave, versions,
/// preview and each role's limits.
public abstract class PostEditorTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : AdminSite
{
    private static readonly RecipeTerm LeafCategory = SetupRecipe.Instance.TaxonomyTerms.First(t => t.Taxonomy == "categories" && t.ParentId is not null);

    private static async Task<string> PublishNewAsync(HttpClient client, string title, string markdown, string tags = "", string? slug = null)
    {
        var form = (await PostEditorForm.OpenAsync(client)).Set("Title", title).Set("Markdown", markdown).Set("Tags", tags).Set("CategoryId", LeafCategory.Id);
        if (slug is not null)
        {
            form.Set("Slug", slug);
        }

        using var response = await form.PostAsync("Publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    [Fact]
    public async Task ANewPostWithANewTagIsFoundOnTheHomePageItsTagPageAndItsCategoryOncePublished()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();

        await PublishNewAsync(editor, "Envoys return to Panmunjom", "Talks **resume** at the border.", "Diplomacy, Envoy watch");

        Assert.Contains("Envoys return to Panmunjom", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Envoys return to Panmunjom", await reader.GetStringAsync("/tags/envoy-watch"), StringComparison.Ordinal);
        Assert.Contains("Envoys return to Panmunjom", await reader.GetStringAsync(LeafCategory.Url), StringComparison.Ordinal);
        Assert.Contains("<strong>resume</strong>", await reader.GetStringAsync("/blog/envoys-return-to-panmunjom"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditsOfAPublishedPostStayInvisibleToReadersUntilPublished()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var id = await PublishNewAsync(editor, "Rewritten in private", "The words readers see.");
        var form = await PostEditorForm.OpenAsync(editor, id);

        using var saved = await form.Set("Markdown", "A rewritten draft nobody should see yet.").PostAsync("Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var live = await reader.GetStringAsync("/blog/rewritten-in-private");
        Assert.DoesNotContain("rewritten draft", live, StringComparison.Ordinal);
        Assert.Contains("The words readers see.", live, StringComparison.Ordinal);
        Assert.Contains("Published, with unpublished changes", await editor.GetStringAsync(form.Url), StringComparison.Ordinal);

        using var published = await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("Publish");
        Assert.Contains("A rewritten draft nobody should see yet.", await reader.GetStringAsync("/blog/rewritten-in-private"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAPublishedPostsSlugKeepsTheOldAddressWorkingWithAPermanentRedirect()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var id = await PublishNewAsync(editor, "Slug before", "Body.", slug: "slug-before");

        using var response = await (await PostEditorForm.OpenAsync(editor, id)).Set("Slug", "slug-after").PostAsync("Publish");

        using var old = await reader.GetAsync("/blog/slug-before");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/blog/slug-after", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ASlugAnotherPostUsesIsRefusedNextToTheSlugFieldAndTheTextIsKept()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var taken = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[0])["/blog/".Length..];
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "Copycat").Set("Slug", taken).Set("Markdown", "Words worth keeping.");

        using var response = await form.PostAsync("Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Another item already uses", page.QuerySelector("[data-valmsg-for='Form.Slug']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Words worth keeping.", page.QuerySelector("textarea[name='Form.Markdown']")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("/blog/relative")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task ACanonicalAddressMustBeAFullWebAddress(string canonical)
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Canonical check").Set("CanonicalUrl", canonical).PostAsync("Save");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Give the canonical address as a full http:// or https:// address", page.QuerySelector("[data-valmsg-for='Form.CanonicalUrl']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingWithoutATitleIsExplainedNextToTheTitleField()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "").Set("Markdown", "Body only").PostAsync("Publish");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter a title before publishing; a draft can stay untitled.", page.QuerySelector("[data-valmsg-for='Form.Title']")?.TextContent);
    }

    [Fact]
    public async Task AnUntitledDraftIsAutosavedFromItsFirstWordsAsUntitledWithNoAddress()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "").Set("Slug", "").Set("Markdown", "First");

        using var first = await form.AutosaveAsync();
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Draft", json.RootElement.GetProperty("state").GetString());
        var id = json.RootElement.GetProperty("id").GetString()!;
        using var second = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "").Set("Markdown", "Another untitled one").AutosaveAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        await using var scope = site.Factory.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id);
        Assert.Equal("Untitled", draft?.DisplayText);
        Assert.Equal("", draft?.As<AutoroutePart>()?.Path ?? "");
        Assert.Equal("", (await PostEditorForm.OpenAsync(editor, id))["Title"]);
    }

    [Fact]
    public async Task TwoEditorsSavingTheSameVersionNeverOverwriteEachOther()
    {
        using var first = await AdminSite.SignedInAsync(site, "Editor");
        using var second = await AdminSite.SignedInAsync(site, "Administrator");
        var id = await PublishNewAsync(first, "Two editors, one post", "The original words.");
        var firstForm = await PostEditorForm.OpenAsync(first, id);
        var secondForm = await PostEditorForm.OpenAsync(second, id);

        using var firstSave = await firstForm.Set("Markdown", "The first editor's words.").PostAsync("Save");
        using var secondSave = await secondForm.Set("Markdown", "The second editor's words.").PostAsync("Save");

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("editor saved this item", page.QuerySelector("#conflict")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("The second editor's words.", page.QuerySelector("textarea[name='Form.Markdown']")?.TextContent.Trim());
        Assert.Equal("The first editor's words.", (await PostEditorForm.OpenAsync(first, id))["Markdown"]);
    }

    [Fact]
    public async Task AutosaveAnswersWithTheNewStampAndReportsAConflictAs409()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var id = await PublishNewAsync(editor, "Autosaved while typing", "The first words.");
        var form = await PostEditorForm.OpenAsync(editor, id);
        var stale = form["ConcurrencyStamp"];

        using var saved = await form.Set("Markdown", "Typed, then autosaved.").AutosaveAsync();
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(stale, json.RootElement.GetProperty("stamp").GetString());

        using var conflict = await form.Set("ConcurrencyStamp", stale).Set("Markdown", "From a stale tab.").AutosaveAsync();
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("saved this item", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Typed, then autosaved.", (await PostEditorForm.OpenAsync(editor, id))["Markdown"]);
    }

    [Fact]
    public async Task TheHistoryMarksLiveVersionsComparesAnyTwoWordByWordAndRestoresAsTheNewDraft()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var id = await PublishNewAsync(editor, "Versioned post", "First words.");
        using var second = await (await PostEditorForm.OpenAsync(editor, id)).Set("Markdown", "Second words.").PostAsync("Save");
        using var third = await (await PostEditorForm.OpenAsync(editor, id)).Set("Markdown", "Third words, now live.").PostAsync("Publish");
        var history = await HtmlPage.GetAsync(editor, $"/admin/items/{id}/versions");
        string[] Labels(HtmlPage page, int row) =>
            [.. page.Document.QuerySelectorAll("tbody tr")[row].QuerySelectorAll(".version-labels .badge").Select(b => b.TextContent)];

        Assert.Equal(["Live"], Labels(history, 0));
        Assert.Empty(Labels(history, 1));
        Assert.StartsWith("Was live from ", Assert.Single(Labels(history, 2)), StringComparison.Ordinal);
        Assert.Equal("Markdown body: +3 −1 words", history.Document.QuerySelectorAll("tbody tr")[0].QuerySelector(".version-changes")?.TextContent.Trim());
        var versionIds = history.Document.QuerySelectorAll("input[name='to']").Select(i => i.GetAttribute("value")!).ToList();

        var compared = await HtmlPage.GetAsync(editor, $"/admin/items/{id}/versions?from={versionIds[2]}&to={versionIds[0]}");
        Assert.Equal(["First"], compared.Document.QuerySelectorAll(".diff-table del").Select(d => d.TextContent.Trim()));
        Assert.Equal(["Third", "now live"], compared.Document.QuerySelectorAll(".diff-table ins").Select(d => d.TextContent.Trim(' ', ',')));
        var oldPreview = await editor.GetStringAsync($"/admin/preview/{id}?version={versionIds[2]}");
        Assert.Contains("Preview of a version that was live from", oldPreview, StringComparison.Ordinal);

        var restore = history.Document.QuerySelectorAll("form[action$='handler=Restore']")[^1];
        using var response = await editor.PostAsync(restore.GetAttribute("action"), new FormUrlEncodedContent(
            restore.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("First words.", (await PostEditorForm.OpenAsync(editor, id))["Markdown"]);
        var after = await HtmlPage.GetAsync(editor, $"/admin/items/{id}/versions");
        Assert.Equal(4, after.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Current draft", Labels(after, 0)[0]);
        Assert.StartsWith("Restored from ", Labels(after, 0)[1], StringComparison.Ordinal);
        Assert.Equal(["Live"], Labels(after, 1));
    }

    [Fact]
    public async Task ADraftIsPreviewedInTheThemeAtAPrivateAddress()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var response = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Preview me").Set("Markdown", "Draft *body*.").PostAsync("Preview");
        var previewUrl = response.Headers.Location!.OriginalString;

        var preview = await HtmlPage.GetAsync(editor, previewUrl);
        using var anonymous = await site.NewClient().GetAsync(previewUrl);

        Assert.StartsWith("/admin/preview/", previewUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("<em>body</em>", preview.Html, StringComparison.Ordinal);
        Assert.NotNull(preview.Document.QuerySelector("meta[name=robots][content=noindex]"));
        Assert.NotNull(preview.Document.QuerySelector("link[href*='BlogSite.Theme']"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewClient().GetAsync("/blog/preview-me")).StatusCode);
    }

    [Fact]
    public async Task TheLivePreviewIsRenderedBySanitizingMarkdownRenderer()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = await PostEditorForm.OpenAsync(editor);

        using var response = await editor.PostAsync(form.MarkdownUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = "## Heading\n\n<script>alert(1)</script><img src=x onerror=alert(2)>",
            ["__RequestVerificationToken"] = form.Fields["__RequestVerificationToken"],
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AContributorSavesDraftsButCannotPublishAndCannotOpenOthersPosts()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var editorsPost = await PublishNewAsync(editor, "An editor's post, closed to contributors", "Not theirs.");
        var form = (await PostEditorForm.OpenAsync(contributor)).Set("Title", "Contributor draft").Set("Markdown", "Words.");

        using var publish = await form.PostAsync("Publish");
        using var save = await form.PostAsync("Save");
        using var others = await contributor.GetAsync($"/admin/posts/{editorsPost}");

        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains("not publish it", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.DoesNotContain(">Publish<", await contributor.GetStringAsync(save.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewClient().GetAsync("/blog/contributor-draft")).StatusCode);
        Assert.StartsWith("/admin/denied", others.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContributorSubmitsForReviewAnEditorSendsItBackWithANoteAndPublishesTheResubmission()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        async Task<bool> PendingAsync() =>
            (await HtmlPage.GetAsync(editor, "/admin/content?status=pending")).Document.QuerySelectorAll("tbody tr").Any(r => r.TextContent.Contains("Awaiting review", StringComparison.Ordinal));

        using var submitted = await (await PostEditorForm.OpenAsync(contributor)).Set("Title", "Awaiting review").Set("Markdown", "First go.").PostAsync("Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = submitted.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Contains("Submitted for review", await contributor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
        Assert.True(await PendingAsync());
        var dashboard = await HtmlPage.GetAsync(editor, "/admin");
        Assert.True(int.Parse(dashboard.Document.QuerySelector("a.card[href*='status=pending'] .number")!.TextContent, CultureInfo.InvariantCulture) >= 1);
        var review = await PostEditorForm.OpenAsync(editor, id);
        Assert.Equal("Pending review", (await HtmlPage.GetAsync(editor, $"/admin/posts/{id}")).Document.QuerySelector(".status-line .badge")?.TextContent);

        review.Fields["reviewNote"] = "Cite the UN panel's report for the second claim.";
        using var sentBack = await review.PostAsync("SendBack");
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        var authorsView = await HtmlPage.GetAsync(contributor, $"/admin/posts/{id}");
        Assert.Equal("Cite the UN panel's report for the second claim.", authorsView.Document.QuerySelector(".review-note blockquote")?.TextContent);
        Assert.Equal("Draft", authorsView.Document.QuerySelector(".status-line .badge")?.TextContent);
        Assert.False(await PendingAsync());

        using var resubmitted = await (await PostEditorForm.OpenAsync(contributor, id)).Set("Markdown", "Second go, citing the panel.").PostAsync("Submit");
        Assert.True(await PendingAsync());
        Assert.Null((await HtmlPage.GetAsync(contributor, $"/admin/posts/{id}")).Document.QuerySelector(".review-note"));

        using var published = await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Second go, citing the panel.", await site.NewClient().GetStringAsync("/blog/awaiting-review"), StringComparison.Ordinal);
        Assert.False(await PendingAsync());
    }

    [Fact]
    public async Task AnEditorCreditsAPostToAnAuthorWhoseNameReadersSeeAndOthersCannotChooseOrForgeOne()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        var choices = (await HtmlPage.GetAsync(editor, "/admin/posts/new")).Document.QuerySelectorAll("select[name='Form.OwnerId'] option");
        var authorId = choices.First(o => o.TextContent == AdminSite.UserNameOf("Author")).GetAttribute("value")!;
        Assert.Null((await HtmlPage.GetAsync(contributor, "/admin/posts/new")).Document.QuerySelector("select[name='Form.OwnerId']"));

        using var credited = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Credited to the author").Set("Markdown", "Their reporting.")
            .Set("OwnerId", authorId).PostAsync("Publish");
        using var unknown = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Credited to nobody real").Set("OwnerId", "no-such-user").PostAsync("Save");
        using var forged = await (await PostEditorForm.OpenAsync(contributor)).Set("Title", "Forged credit").Set("OwnerId", authorId).PostAsync("Save");

        var page = await HtmlPage.GetAsync(site.NewClient(), "/blog/credited-to-the-author");
        Assert.Contains($"by {AdminSite.UserNameOf("Author")}", page.Document.QuerySelector(".post-header")?.TextContent, StringComparison.Ordinal);
        var editorId = choices.First(o => o.TextContent == AdminSite.UserNameOf("Editor")).GetAttribute("value")!;
        using var recredited = await (await PostEditorForm.OpenAsync(editor, credited.Headers.Location!.OriginalString.Split('/')[^1]))
            .Set("OwnerId", editorId).PostAsync("Publish");
        var again = await HtmlPage.GetAsync(site.NewClient(), "/blog/credited-to-the-author");
        Assert.Contains($"by {AdminSite.UserNameOf("Editor")}", again.Document.QuerySelector(".post-header")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose an author from the list", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var forgedPost = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(forged.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.NotEqual(authorId, forgedPost?.Owner);
        Assert.NotNull(forgedPost?.Owner);
    }

    [Fact]
    public async Task AnEmptiedTitleKeepsTheDraftsAddressAndANewTitleGivesItANewSlugInTheBlog()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "Hello").Set("Slug", "").Set("Markdown", "Words.");
        using var first = await form.AutosaveAsync();
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetString()!;

        using var emptied = await (await PostEditorForm.OpenAsync(editor, id)).Set("Title", "").Set("Slug", "").AutosaveAsync();
        using var retitled = await (await PostEditorForm.OpenAsync(editor, id)).Set("Title", "World").Set("Slug", "").AutosaveAsync();

        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        Assert.Equal("blog/world", (await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id))?.As<AutoroutePart>()?.Path);
    }

    [Fact]
    public async Task ANoteIsNeededToSendBackAndOnlyAnEditorMaySendBack()
    {
        using var contributor = await AdminSite.SignedInAsync(site, "Contributor");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var submitted = await (await PostEditorForm.OpenAsync(contributor)).Set("Title", "Queue jumper").Set("Markdown", "Mine.").PostAsync("Submit");
        var id = submitted.Headers.Location!.OriginalString.Split('/')[^1];

        var own = await PostEditorForm.OpenAsync(contributor, id);
        own.Fields["reviewNote"] = "Looks fine to me.";
        using var selfSendBack = await own.PostAsync("SendBack");
        using var empty = await (await PostEditorForm.OpenAsync(editor, id)).PostAsync("SendBack");

        Assert.StartsWith("/admin/denied", selfSendBack.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("write a note", await editor.GetStringAsync($"/admin/posts/{id}"), StringComparison.Ordinal);
        Assert.Equal("Pending review", (await HtmlPage.GetAsync(editor, $"/admin/posts/{id}")).Document.QuerySelector(".status-line .badge")?.TextContent);
    }

    [Fact]
    public async Task AnAuthorPublishesOwnPostsButCannotEditSomeoneElses()
    {
        using var author = await AdminSite.SignedInAsync(site, "Author");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var own = await PublishNewAsync(author, "Author's own post", "Mine.");
        var editorsPost = await PublishNewAsync(editor, "An editor's post, closed to authors", "The editor's words.");
        var forged = (await PostEditorForm.OpenAsync(author)).Set("Title", "Hijacked").Set("Markdown", "Overwritten by an author.");

        using var others = await author.GetAsync($"/admin/posts/{editorsPost}");
        using var sneaky = await author.PostAsync($"/admin/posts/{editorsPost}?handler=Save", new FormUrlEncodedContent(forged.Fields));

        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/blog/authors-own-post")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/admin/posts/{own}")).StatusCode);
        Assert.StartsWith("/admin/denied", others.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", sneaky.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("The editor's words.", (await PostEditorForm.OpenAsync(editor, editorsPost))["Markdown"]);
    }
}

public sealed class PostEditorOnSqliteTests(AdminSite site) : PostEditorTests<AdminSite>(site);

public sealed class PostEditorOnPostgreSqlTests(PostgreSqlAdminSite site) : PostEditorTests<PostgreSqlAdminSite>(site);
