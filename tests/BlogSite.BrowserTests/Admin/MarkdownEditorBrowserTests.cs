using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// The post body's Markdown editor (CodeMirror): toolbar, keyboard shortcuts, word count, Ctrl+S, focus mode and the
/// Write/Preview switch on a phone.
public sealed class MarkdownEditorBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    private const string Written = "**Sanctions**\n\n[link text](https://www.un.org/)\n\n- Ship-to-ship transfers";

    private static string Shot(string name) => Path.Combine(BrowserSiteFixture.ArtifactsFolder, name);

    private static ILocator Body(IPage page) => page.GetByLabel("Body (Markdown)", new PageGetByLabelOptions { Exact = true });

    private static ILocator MarkdownSource(IPage page) => page.Locator("textarea[name='Form.Markdown']");

    private static ILocator Tool(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar, new PageGetByRoleOptions { Name = "Formatting" }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });

    [Fact]
    public async Task AnEditorFormatsWithTheToolbarAndShortcutsAndSavesWithCtrlS()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Formatting by keyboard");

        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("Sanctions");
        await page.Keyboard.PressAsync("Shift+Home");
        await Tool(page, "Bold").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Control+k");
        await page.Keyboard.TypeAsync("https://www.un.org/");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Ship-to-ship transfers");
        await page.Keyboard.PressAsync("Control+Shift+8");

        await Assertions.Expect(MarkdownSource(page)).ToHaveValueAsync(Written);
        await Assertions.Expect(page.Locator("#markdown-preview strong")).ToHaveTextAsync("Sanctions");
        await Assertions.Expect(page.Locator("#markdown-preview li")).ToHaveTextAsync("Ship-to-ship transfers");
        await Assertions.Expect(page.GetByText("6 words · 1 min read")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved at" })).ToBeVisibleAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetLatestAsync(page.Url.Split('/')[^1]);
            Assert.Equal(Written, saved?.Content["MarkdownBodyPart"]?["Markdown"]?.GetValue<string>());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-markdown-editor-1280.png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    [Fact]
    public async Task BoldTwiceTakesTheBoldAwayAndUndoBringsItBack()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");

        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("Kaesong");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.Keyboard.PressAsync("Control+b");
        await Assertions.Expect(MarkdownSource(page)).ToHaveValueAsync("**Kaesong**");
        await page.Keyboard.PressAsync("Control+b");
        await Assertions.Expect(MarkdownSource(page)).ToHaveValueAsync("Kaesong");
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(MarkdownSource(page)).ToHaveValueAsync("**Kaesong**");
    }

    [Fact]
    public async Task FocusModeHidesEverythingButTheTextUntilEscape()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        var details = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Details" });

        await Tool(page, "Focus mode").ClickAsync();
        await Assertions.Expect(Tool(page, "Focus mode")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(details).ToBeHiddenAsync();
        await Assertions.Expect(Body(page)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(details).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhoneTheEditorSwitchesBetweenWriteAndPreview()
    {
        await using var context = await site.NewContextAsync("editor", width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/posts/new");
        var preview = page.Locator("#markdown-preview");

        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("## Rations\n\nCut again this winter.");
        await Assertions.Expect(preview).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-markdown-editor-390-write.png") });

        await page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Show" })
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Preview", Exact = true }).ClickAsync();
        await Assertions.Expect(preview.Locator("h2")).ToHaveTextAsync("Rations");
        await Assertions.Expect(Body(page)).ToBeHiddenAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The editor page is {width} px wide at 390 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-markdown-editor-390-preview.png") });
    }
}
