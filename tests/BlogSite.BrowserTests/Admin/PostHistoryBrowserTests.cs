using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// Nothing typed is lost and every change can be seen: an untitled draft is autosaved from its first words, the
/// status badge follows the saves, a copy kept in the browser is offered back after the server refused a save, and
/// the version history shows what changed between two versions.
public sealed class PostHistoryBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    // An autosave comes three seconds after the last keystroke; a save takes well under a second more.
    private static readonly LocatorAssertionsToBeVisibleOptions AfterAutosave = new() { Timeout = 15_000 };

    private static ILocator Body(IPage page) => page.GetByLabel("Body (Markdown)", new PageGetByLabelOptions { Exact = true });

    private static string Shot(string name) => Path.Combine(BrowserSiteFixture.ArtifactsFolder, name);

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    private static ILocator StatusSaying(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    private async Task<string> StoredMarkdownAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var post = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id);
        return post?.As<MarkdownBodyPart>()?.Markdown ?? "";
    }

    [Fact]
    public async Task AnUntitledDraftIsAutosavedAndTheBrowserCopyComesBackAfterTheServerRefusedASave()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await Assertions.Expect(page.Locator(".status-line .badge")).ToHaveTextAsync("New, not saved yet");

        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("Notes before a title.");
        await Assertions.Expect(StatusSaying(page, "Draft saved automatically at")).ToBeVisibleAsync(AfterAutosave);
        await Assertions.Expect(page.Locator(".status-line .badge")).ToHaveTextAsync("Draft");
        var id = page.Url.Split('/')[^1];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.Equal("Untitled", (await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(id))?.DisplayText);
        }

        await page.RouteAsync("**/autosave**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 503, Body = "{}" }));
        await page.Keyboard.TypeAsync(" Words the server refused.");
        await Assertions.Expect(StatusSaying(page, "Autosave failed")).ToBeVisibleAsync(AfterAutosave);
        Assert.Equal("Notes before a title.", await StoredMarkdownAsync(id));

        var reopened = await context.NewPageAsync();
        await reopened.GotoAsync($"/admin/posts/{id}");
        var offer = reopened.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This browser kept a copy of your changes" });
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await offer.GetByRole(AriaRole.Button, new() { Name = "Restore my copy" }).ClickAsync();
        await Assertions.Expect(reopened.Locator("textarea[name='Form.Markdown']")).ToHaveValueAsync("Notes before a title. Words the server refused.");
        await Assertions.Expect(StatusSaying(reopened, "Draft saved automatically at")).ToBeVisibleAsync(AfterAutosave);
        Assert.Equal("Notes before a title. Words the server refused.", await StoredMarkdownAsync(id));

        await page.CloseAsync();
        await reopened.ReloadAsync();
        await Assertions.Expect(reopened.Locator(".status-line .badge")).ToHaveTextAsync("Draft");
        await Assertions.Expect(reopened.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheHistoryShowsWhatChangedBetweenTwoVersionsSideBySideAndStackedOnAPhone()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Ration cuts, revised");
        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("## Rations\n\nCut again this winter in Hamgyong.\n\nAid agencies count the cost.");
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(StatusSaying(page, "Published.")).ToBeVisibleAsync();
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Prices doubled.");
        await Button(page, "Update").ClickAsync();
        await Assertions.Expect(StatusSaying(page, "Published.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        var rows = page.Locator(".versions-table tbody tr");
        await Assertions.Expect(rows.Nth(0).Locator(".badge")).ToHaveTextAsync(["Live"]);
        await Assertions.Expect(rows.Nth(1).Locator(".badge")).ToContainTextAsync(["Was live from"]);
        await Assertions.Expect(rows.Nth(0).Locator(".version-changes")).ToHaveTextAsync("Markdown body: +2 −0 words");
        await Button(page, "Compare the chosen versions").ClickAsync();

        var diff = page.GetByRole(AriaRole.Region, new() { Name = "Changes from" });
        await Assertions.Expect(diff.Locator("ins")).ToContainTextAsync("Prices doubled");
        await Assertions.Expect(diff.Locator("del")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-version-diff-1280.png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await page.SetViewportSizeAsync(390, 844);
        var boxes = await Task.WhenAll(diff.Locator("tbody tr td.diff-text").Nth(0).BoundingBoxAsync(), diff.Locator("tbody tr td.diff-text").Nth(1).BoundingBoxAsync());
        Assert.True(boxes[1]!.Y > boxes[0]!.Y, "on a phone the newer line is under the older one");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-version-diff-390.png"), FullPage = true });
        var widest = await page.EvaluateAsync<string>("document.documentElement.scrollWidth <= innerWidth ? '' : [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className).slice(0, 4).join(' ') || 'the page is ' + document.documentElement.scrollWidth + ' px wide'");
        Assert.True(widest == "", $"the page fits a 390 px screen, but these are wider: {widest}");
    }

    [Fact]
    public async Task AContributorSubmitsForReviewAndAnEditorFindsItOnTheDashboardAndPublishesIt()
    {
        var (contributorContext, contributor) = await site.SignInAsync("contributor");
        await using (contributorContext)
        {
            await contributor.GotoAsync("/admin/posts/new");
            await contributor.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Reviewed before it went out");
            await Body(contributor).ClickAsync();
            await contributor.Keyboard.TypeAsync("Written by a contributor, published by an editor.");
            await Assertions.Expect(Button(contributor, "Publish")).ToHaveCountAsync(0);
            await Button(contributor, "Submit for review").ClickAsync();
            await Assertions.Expect(StatusSaying(contributor, "Submitted for review")).ToBeVisibleAsync();
            await Assertions.Expect(contributor.Locator(".status-line .badge")).ToHaveTextAsync("Pending review");
        }

        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "pending review" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reviewed before it went out" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-line .badge")).ToHaveTextAsync("Pending review");
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(StatusSaying(page, "Published.")).ToBeVisibleAsync();

        await using var readers = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var reader = await readers.NewPageAsync();
        await reader.GotoAsync("/blog/reviewed-before-it-went-out");
        await Assertions.Expect(reader.GetByText("Written by a contributor, published by an editor.")).ToBeVisibleAsync();
    }
}
