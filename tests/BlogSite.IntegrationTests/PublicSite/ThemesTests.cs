using System.Net;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.AspNetCore.Razor.Hosting;

namespace BlogSite.IntegrationTests.PublicSite;

/// Themes are views with agreed names: the plain theme provides every view the default theme does (but the sidebar
/// its own layout draws), and switching to it in the admin changes the site's look, not its content.
public sealed class ThemesTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public void ThePlainThemeProvidesEveryViewTheModulesAskTheDefaultThemeFor()
    {
        static HashSet<string> ViewsOf(Type module, string theme) =>
            module.Assembly.GetCustomAttributes(typeof(RazorCompiledItemAttribute), false).Cast<RazorCompiledItemAttribute>()
                .Select(a => a.Identifier).Where(i => i.StartsWith($"/Themes/{theme}/", StringComparison.Ordinal))
                .Select(i => i[$"/Themes/{theme}/".Length..]).ToHashSet(StringComparer.Ordinal);

        var standard = ViewsOf(typeof(BlogSite.Theme.ThemeModule), "BlogSite.Theme");
        var plain = ViewsOf(typeof(BlogSite.Theme.Plain.PlainThemeModule), "BlogSite.Theme.Plain");

        Assert.Contains("_Layout.cshtml", standard);
        var missing = standard.Except(plain).Where(v => !v.StartsWith("Components/SiteNavigation/", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"The plain theme lacks {string.Join(", ", missing)}.");
    }

    [Fact]
    public async Task SwitchingToThePlainThemeChangesTheLookNotTheContentAndBack()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();
        var before = await HtmlPage.GetAsync(reader, "/");

        using var plain = await AdminSite.PostFormAsync(admin, "/admin/themes?id=BlogSite.Theme.Plain", "", new());
        var during = await HtmlPage.GetAsync(reader, "/");
        var themesPage = await admin.GetStringAsync("/admin/themes");
        using var back = await AdminSite.PostFormAsync(admin, "/admin/themes?id=BlogSite.Theme", "", new());
        var after = await HtmlPage.GetAsync(reader, "/");

        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("theme-plain", during.Document.Body!.ClassName);
        Assert.Contains(during.Document.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("BlogSite.Theme.Plain", StringComparison.Ordinal));
        Assert.Null(during.Document.QuerySelector("aside.site-nav"));
        Assert.Equal(before.PostLinks, during.PostLinks);
        Assert.Equal(before.Document.QuerySelector("main h1")?.TextContent, during.Document.QuerySelector("main h1")?.TextContent);
        Assert.Contains("Plain theme", themesPage, StringComparison.Ordinal);
        Assert.NotNull(after.Document.QuerySelector("aside.site-nav"));
        Assert.DoesNotContain("theme-plain", after.Document.Body!.ClassName ?? "", StringComparison.Ordinal);
    }
}
