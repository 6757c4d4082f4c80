using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// The admin on a 390 px phone: the menu folds behind a button, tables keep their key columns without widening the
/// page, and the editor's Publish button is on the first screen. The blog container is never offered to bulk actions.
public sealed class AdminOnPhonesBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    private static string Shot(string name) => Path.Combine(BrowserSiteFixture.ArtifactsFolder, name);

    [Fact]
    public async Task TheMenuFoldsBehindAButtonAndTablesFitTheScreen()
    {
        await using var context = await site.NewContextAsync("admin", Width, Height);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/admin", "/admin/content", "/admin/users" })
        {
            await page.GotoAsync(path);
            var header = await page.Locator(".admin-header").BoundingBoxAsync();
            var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

            Assert.True(header!.Height < 80, $"{path}: the header is {header.Height} px tall.");
            Assert.True(pageWidth <= Width, $"{path}: the page is {pageWidth} px wide.");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" })).ToBeHiddenAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"admin{path.Replace('/', '-')}-390.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Taxonomies" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Taxonomies", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ANewPostIsPublishedWithThePublishButtonOnTheFirstScreen()
    {
        await using var context = await site.NewContextAsync("admin", Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/posts/new");

        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true });
        var box = await publish.BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-new-post-390.png") });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Filed from a phone");
        await page.GetByLabel("Body (Markdown)", new() { Exact = true }).FillAsync("Short and to the point.");
        await publish.ClickAsync();

        Assert.True(box!.Y + box.Height <= Height, $"Publish is at {box.Y} px, below the first screen ({Height} px).");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheBlogIsNotOfferedToBulkActions()
    {
        await using var context = await site.NewContextAsync("admin");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/content?type=Blog");

        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Latest posts" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Latest posts" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Site structure, not selectable")).ToHaveCountAsync(1);
    }
}
