using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.PublicSite;

/// Each reader page at phone and desktop widths, light and dark: a screenshot for people to judge, and axe-core for
/// what a machine can judge (no serious or critical violations).
public sealed class ThemeQualityTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("post", "/blog/who-killed-pastor-han-chung-ryeol"),
        ("term", "/categories/sanctions"),
        ("archive", "/archive/2016/04"),
        ("archives", "/archive"),
        ("tags", "/tags"),
        ("search", "/search?q=%22North%20Korea%22%20sanctions"),
        ("page", "/about"),
        ("not-found", "/no/such/page"),
    ];

    public static TheoryData<string, int, string> Variants()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (name, _) in Pages)
        {
            foreach (var width in new[] { 390, 1280 })
            {
                foreach (var scheme in new[] { "light", "dark" })
                {
                    data.Add(name, width, scheme);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task ThePageHasNoSeriousAccessibilityProblems(string page, int width, string scheme)
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BaseURL = site.BaseAddress.ToString(),
        });
        var tab = await context.NewPageAsync();
        var path = Pages.Single(p => p.Name == page).Path;

        var response = await tab.GotoAsync(path);
        await tab.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, $"{page}-{width}-{scheme}.png"),
            FullPage = true,
        });
        var results = await tab.RunAxe();

        Assert.Equal(page == "not-found" ? 404 : 200, response!.Status);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(Describe)));
        var overflow = await tab.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"{page} scrolls sideways at {width}px");
    }

    [Fact]
    public async Task NoPageBreaksItsOwnContentSecurityPolicy()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        await context.AddInitScriptAsync(script: "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));");
        var tab = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var (name, path) in Pages)
        {
            await tab.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            violations.AddRange((await tab.EvaluateAsync<string[]>("window.__violations")).Select(v => $"{name}: {v}"));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task NoPageScrollsSidewaysOnTheNarrowestPhones()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            BaseURL = site.BaseAddress.ToString(),
        });
        var tab = await context.NewPageAsync();
        foreach (var (name, path) in Pages)
        {
            await tab.GotoAsync(path);
            Assert.False(await tab.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{name} scrolls sideways at 320px");
        }
    }

    [Fact]
    public async Task TheSkipLinkMovesFocusToTheMainContent()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/");

        await tab.Keyboard.PressAsync("Tab");
        var skip = tab.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Skip to content" });
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        await tab.Keyboard.PressAsync("Enter");
        // The fragment navigation is reported after the key press returns; the URL is read once it has happened.
        await tab.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));

        Assert.EndsWith("#main", tab.Url, StringComparison.Ordinal);
        Assert.Equal("main", await tab.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task AReaderCanSearchFromTheHeader()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/");

        await tab.GetByLabel("Search posts").First.FillAsync("Kuwait");
        await tab.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).First.ClickAsync();

        await tab.WaitForURLAsync("**/search?q=Kuwait");
        Assert.Contains("Kuwait", await tab.Locator(".search-result h2").First.TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task TheMainMenuIsInTheHeaderOfEveryPageAndWorksFromTheKeyboard(int width)
    {
        await using var context = await site.NewContextAsync(width: width, height: 900);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/categories/sanctions");
        var menu = tab.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" });
        var about = menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "About", Exact = true });
        await Assertions.Expect(about).ToBeInViewportAsync();

        await about.FocusAsync();
        Assert.True(await about.EvaluateAsync<bool>("e => e === document.activeElement"));
        await tab.Keyboard.PressAsync("Enter");

        await Assertions.Expect(tab).ToHaveURLAsync(new Regex("/about$"));
        await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "About", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "About", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, $"main-menu-{width}.png") });
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";
}
