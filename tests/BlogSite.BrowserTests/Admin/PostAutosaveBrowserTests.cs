using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// Nothing typed is lost: an untitled draft is autosaved from its first words, the status badge follows the saves,
/// and a copy kept in the browser is offered back after the server refused a save.
public sealed class PostAutosaveBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    // An autosave comes three seconds after the last keystroke; a save takes well under a second more.
    private static readonly LocatorAssertionsToBeVisibleOptions AfterAutosave = new() { Timeout = 15_000 };

    private static ILocator Body(IPage page) => page.GetByLabel("Body (Markdown)", new PageGetByLabelOptions { Exact = true });

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
}
