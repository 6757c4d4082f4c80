using System.Globalization;
using System.Text.RegularExpressions;
using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace BlogSite.BrowserTests.Admin;

/// The editor's day in a real browser: writing, previewing and publishing a post with a new tag and an image,
/// drafts of published posts, versions, autosave, conflicts, scheduling, and what authors and contributors may not do.
public sealed partial class PostEditorBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    private static readonly ContentItem FirstSeed = SetupRecipe.Instance.Posts[0];

    private static string Shot(string name) => Path.Combine(BrowserSiteFixture.ArtifactsFolder, name);

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// The Markdown editor once its script has made it the labelled field: until then the label still names the
    /// textarea the script hides, and a click found there waits on a hidden element (seen under a loaded CI machine).
    private static async Task<ILocator> MarkdownEditorAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".cm-content[aria-labelledby]")).ToBeVisibleAsync();
        return Field(page, "Body (Markdown)");
    }

    // What the form posts: the Markdown editor copies its text into this (hidden) textarea.
    private static ILocator MarkdownSource(IPage page) => page.Locator("textarea[name='Form.Markdown']");

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(960, 540);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(22, 64, 120));
            using var paint = new SKPaint { Color = new SKColor(240, 200, 80) };
            canvas.DrawCircle(480, 270, 180, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static async Task<IPage> ReaderAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    [Fact]
    public async Task AnEditorWritesAPostWithANewTagAndAnImagePreviewsItAndPublishesIt()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        var category = SetupRecipe.Instance.TaxonomyTerms.First(t => t.Taxonomy == "categories" && t.ParentId is not null);

        await page.GotoAsync("/admin/media");
        await Field(page, "Images").SetInputFilesAsync(new FilePayload { Name = "Yongbyon satellite.png", MimeType = "image/png", Buffer = Png() });
        await Button(page, "Upload").ClickAsync();
        await Assertions.Expect(page.GetByText("Uploaded yongbyon-satellite.png.")).ToBeVisibleAsync();

        await page.GotoAsync("/admin");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-dashboard-1280.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "New post" }).ClickAsync();
        await Field(page, "Title").FillAsync("Reactor restart seen from orbit");
        await Assertions.Expect(Field(page, "Slug")).ToHaveValueAsync("reactor-restart-seen-from-orbit");
        await Field(page, "Subtitle").FillAsync("What the new imagery shows");
        await Field(page, "Body (Markdown)").FillAsync("## Steam again\n\nThe cooling tower is **active**; see the [IAEA](https://www.iaea.org/) report.");
        await Field(page, "Category").SelectOptionAsync(new SelectOptionValue { Label = "   " + category.Name });
        await Field(page, "Tags").PressSequentiallyAsync("Nuclear programme, Cyb");
        await Assertions.Expect(page.Locator("#tag-suggestions option[value='Nuclear programme, Cybercrime']")).ToHaveCountAsync(1);
        await Field(page, "Tags").FillAsync("Nuclear programme, Satellite imagery watch");
        await Field(page, "Featured image").SelectOptionAsync("yongbyon-satellite.png");
        await Assertions.Expect(page.Locator("#markdown-preview h2")).ToHaveTextAsync("Steam again");
        await Assertions.Expect(page.Locator("#image-preview")).ToHaveAttributeAsync("alt", "Selected image: yongbyon-satellite.png");
        await Field(page, "Or upload a new image").SetInputFilesAsync(new FilePayload { Name = "Cooling tower.png", MimeType = "image/png", Buffer = Png() });
        await Assertions.Expect(page.GetByText("Uploaded and chosen: cooling-tower.png.")).ToBeVisibleAsync();
        await Assertions.Expect(Field(page, "Featured image")).ToHaveValueAsync("cooling-tower.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-post-editor-1280.png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await Button(page, "Preview").ClickAsync();
        await page.WaitForURLAsync("**/admin/preview/**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Reactor restart seen from orbit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Preview of an unpublished version");
        var id = page.Url.Split('/')[^1];
        await using var readers = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var early = await readers.NewPageAsync();
        Assert.Equal(404, (await early.GotoAsync("/blog/reactor-restart-seen-from-orbit"))!.Status);

        await page.GotoAsync($"/admin/posts/{id}");
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
        // Right after publishing: the main button updates the live post, and the date reads to the minute.
        await Assertions.Expect(page.Locator("#publish-button")).ToHaveTextAsync("Update");
        await Assertions.Expect(Field(page, "Publish date")).ToHaveValueAsync(MinutePrecision());

        var home = await ReaderAsync(readers, "/");
        await Assertions.Expect(home.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Reactor restart seen from orbit" })).ToBeVisibleAsync();
        var tag = await ReaderAsync(readers, "/tags/satellite-imagery-watch");
        await Assertions.Expect(tag.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Reactor restart seen from orbit" })).ToBeVisibleAsync();
        var inCategory = await ReaderAsync(readers, category.Url);
        await Assertions.Expect(inCategory.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Reactor restart seen from orbit" })).ToBeVisibleAsync();
        var post = await ReaderAsync(readers, "/blog/reactor-restart-seen-from-orbit");
        await Assertions.Expect(post.Locator("img[src*='/media/cooling-tower.png']")).ToBeVisibleAsync();
        await Assertions.Expect(post.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Satellite imagery watch" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ReadersKeepSeeingThePublishedTextUntilTheEditIsPublished()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        var seed = await TestPost.PublishAsync(site.Services, "Readers keep the published text", "The published text.");
        await using var readers = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });

        await page.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await Field(page, "Body (Markdown)").FillAsync("A correction, not yet published.");
        await Button(page, "Save draft").ClickAsync();
        await Assertions.Expect(page.GetByText("Published, with unpublished changes")).ToBeVisibleAsync();

        var reader = await ReaderAsync(readers, seed.Url);
        await Assertions.Expect(reader.GetByText("A correction, not yet published.")).ToHaveCountAsync(0);

        // A live post's main button updates it.
        await Button(page, "Update").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
        await reader.ReloadAsync();
        await Assertions.Expect(reader.GetByText("A correction, not yet published.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnEarlierVersionIsRestoredFromTheHistory()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        var seed = await TestPost.PublishAsync(site.Services, "A version worth restoring", "The words worth keeping.");

        await page.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await Field(page, "Body (Markdown)").FillAsync("A rewrite we will regret.");
        await Button(page, "Save draft").ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Version history" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Restore" }).Last.ClickAsync();

        await Assertions.Expect(page.GetByText("Restored the version saved")).ToBeVisibleAsync();
        await Assertions.Expect(MarkdownSource(page)).ToHaveValueAsync(seed.Markdown);
    }

    [Fact]
    public async Task TheEditorAutosavesWhileTypingAndWarnsBeforeLeavingUnsavedWork()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;

        await page.GotoAsync("/admin/posts/new");
        await Field(page, "Title").FillAsync("Autosaved thoughts");
        await Field(page, "Body (Markdown)").PressSequentiallyAsync("Typed and never saved by hand.");

        await Assertions.Expect(page.GetByText("Draft saved automatically")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page).ToHaveURLAsync(AutosavedUrl());
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(page.Url.Split('/')[^1]);
            Assert.Equal("Typed and never saved by hand.", saved?.Content["MarkdownBodyPart"]?["Markdown"]?.GetValue<string>());
        }

        await Field(page, "Subtitle").FillAsync("Not saved yet");
        var dialog = new TaskCompletionSource<IDialog>();
        page.Dialog += (_, d) => { dialog.TrySetResult(d); d.AcceptAsync(); };
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        Assert.Equal(DialogType.BeforeUnload, (await dialog.Task.WaitAsync(TimeSpan.FromSeconds(10))).Type);
    }

    [Fact]
    public async Task ASecondEditorSavingTheSamePostGetsAConflictAndKeepsTheirText()
    {
        var (firstContext, first) = await site.SignInAsync("editor");
        var (secondContext, second) = await site.SignInAsync("admin");
        await using var _ = firstContext;
        await using var __ = secondContext;
        var seed = await TestPost.PublishAsync(site.Services, "Two editors at once", "Before either editor.");

        await first.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await second.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await Field(first, "Body (Markdown)").FillAsync("The editor's version.");
        await Button(first, "Save draft").ClickAsync();
        await Assertions.Expect(first.GetByText("Draft saved.")).ToBeVisibleAsync();
        await Field(second, "Body (Markdown)").FillAsync("The administrator's version.");
        await Button(second, "Save draft").ClickAsync();

        // The conflict's own alert: the browser's kept copy may be offered beside it (another alert), by timing.
        await Assertions.Expect(second.Locator("#conflict")).ToContainTextAsync("editor saved this item");
        await Assertions.Expect(MarkdownSource(second)).ToHaveValueAsync("The administrator's version.");
        await first.ReloadAsync();
        await Assertions.Expect(MarkdownSource(first)).ToHaveValueAsync("The editor's version.");
    }

    [Fact]
    public async Task AnAutosaveThatMeetsSomeoneElsesSaveStopsAndOverwritesNothing()
    {
        var (firstContext, first) = await site.SignInAsync("editor");
        var (secondContext, second) = await site.SignInAsync("admin");
        await using var _ = firstContext;
        await using var __ = secondContext;
        var seed = await TestPost.PublishAsync(site.Services, "An autosave meets a save", "Before the autosave.");

        await first.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await second.GotoAsync($"/admin/posts/{seed.ContentItemId}");
        await Field(second, "Body (Markdown)").FillAsync("The administrator's saved words.");
        await Button(second, "Save draft").ClickAsync();
        await Assertions.Expect(second.GetByText("Draft saved.")).ToBeVisibleAsync();
        await Field(first, "Body (Markdown)").PressSequentiallyAsync(" The editor keeps typing.");

        await Assertions.Expect(first.GetByText("Autosave is paused")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await using var scope = site.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(seed.ContentItemId);
        Assert.Equal("The administrator's saved words.", latest?.Content["MarkdownBodyPart"]?["Markdown"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnAuthorAndAContributorEachMeetTheirLimits()
    {
        var (authorContext, author) = await site.SignInAsync("author");
        var (contributorContext, contributor) = await site.SignInAsync("contributor");
        await using var _ = authorContext;
        await using var __ = contributorContext;

        await author.GotoAsync($"/admin/posts/{FirstSeed.ContentItemId}");
        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Not allowed" })).ToBeVisibleAsync();
        await author.GotoAsync("/admin/posts/new");
        await Field(author, "Title").FillAsync("An author's own post");
        await Button(author, "Publish").ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Taxonomies" })).ToHaveCountAsync(0);

        await contributor.GotoAsync("/admin/posts/new");
        await Field(contributor, "Title").FillAsync("A contributor's draft");
        await Assertions.Expect(Button(contributor, "Publish")).ToHaveCountAsync(0);
        await Assertions.Expect(contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true })).ToBeVisibleAsync();
        await Button(contributor, "Save draft").ClickAsync();
        await Assertions.Expect(contributor.GetByText("Draft saved.")).ToBeVisibleAsync();
        await contributor.GotoAsync($"/admin/posts/{FirstSeed.ContentItemId}");
        await Assertions.Expect(contributor.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Not allowed" })).ToBeVisibleAsync();
        await contributor.GotoAsync("/admin/media");
        await Assertions.Expect(contributor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task APostScheduledAMinuteAheadGoesLiveWithNoRequestInBetween()
    {
        // The fake clock stands still while other tests run; the browser judges "future" by the real one.
        if (DateTimeOffset.UtcNow > site.Time.GetUtcNow())
        {
            site.Time.SetUtcNow(DateTimeOffset.UtcNow);
        }

        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        // Two minutes ahead, to the minute: always at least one minute away when the button is pressed.
        var due = site.Time.GetUtcNow().UtcDateTime.AddMinutes(2);
        due = new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, DateTimeKind.Utc);

        await page.GotoAsync("/admin/posts/new");
        await Field(page, "Title").FillAsync("Scheduled for the top of the minute");
        await (await MarkdownEditorAsync(page)).ClickAsync();
        await page.Keyboard.TypeAsync("Talks resume in Pyongyagn.");
        await Field(page, "Publish date").FillAsync(due.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await Button(page, "Schedule").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Scheduled: it goes live on" })).ToBeVisibleAsync();
        var id = page.Url.Split('/')[^1];

        // The typo is fixed after scheduling: saving takes the schedule along, so the fix goes out.
        await (await MarkdownEditorAsync(page)).ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("ng.");
        await Assertions.Expect(Button(page, "Update schedule")).ToBeVisibleAsync();
        await Button(page, "Save draft").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved: these changes go live with the schedule" })).ToBeVisibleAsync();

        await page.GotoAsync("/admin/content");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Scheduled for the top of the minute" })).ToContainTextAsync("Scheduled for");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-content-list-1280.png"), FullPage = true });

        site.Time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.TrueAsync(
            async () =>
            {
                await using var scope = site.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ContentStore>().GetPublishedAsync(id) is not null;
            },
            "the background publisher publishes the post");

        await using var readers = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var home = await ReaderAsync(readers, "/");
        await Assertions.Expect(home.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Scheduled for the top of the minute" })).ToBeVisibleAsync();
        var post = await ReaderAsync(readers, "/blog/scheduled-for-the-top-of-the-minute");
        await Assertions.Expect(post.GetByText("Talks resume in Pyongyang.")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/admin/media")]
    [InlineData("/admin/taxonomies")]
    [InlineData("/admin/taxonomies/4tagstaxonomy0000000000000")]
    [InlineData("/admin/taxonomies/4categor1estaxonomy0000000")]
    [InlineData("/admin/items/bs7efety8rdd6sym4vj38n6nm5/versions")]
    public async Task TheEditorsAdminPagesHaveNoSeriousAccessibilityProblems(string path)
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;

        await page.GotoAsync(path);
        var results = await page.RunAxe();

        Assert.Empty(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    [GeneratedRegex("/admin/posts/[0-9a-z]{26}$")]
    private static partial Regex AutosavedUrl();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d$")]
    private static partial Regex MinutePrecision();
}
