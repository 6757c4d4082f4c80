using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// An administrator switches the site's theme in the dashboard: readers see another look with the same content, and
/// the default comes back. The site is this class's own, as its test changes the theme.
public sealed class ThemesBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task SwitchingThemeChangesTheLookNotTheContentAndSwitchingBackRestoresIt()
    {
        var (context, admin) = await site.SignInAsync("admin");
        await using var _ = context;
        await using var readerContext = await site.NewContextAsync(null);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        var titles = await reader.Locator("main h2 a").AllTextContentsAsync();
        var font = await reader.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");

        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Themes", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Use Plain theme" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The site now uses “Plain theme”.");
        await reader.ReloadAsync();
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "theme-plain-1280.png") });

        Assert.NotEqual(font, await reader.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"));
        Assert.Equal(titles, await reader.Locator("main h2 a").AllTextContentsAsync());
        await Assertions.Expect(reader.Locator("aside.site-nav")).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Use BlogSite theme" }).ClickAsync();
        await reader.ReloadAsync();
        Assert.Equal(font, await reader.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily"));
        await Assertions.Expect(reader.Locator("aside.site-nav")).ToHaveCountAsync(1);
    }
}
