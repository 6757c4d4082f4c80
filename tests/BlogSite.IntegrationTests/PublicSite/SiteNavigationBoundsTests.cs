using System.Globalization;
using System.Net;
using BlogSite.Blog.Navigation;
using BlogSite.Cms.Content.Settings;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// The site's map is on every page, so it names a year of months however old the blog is, and links to /archive for
/// the rest. The site of this class is its own, with a post in each of fourteen earlier months.
public sealed class SiteNavigationBoundsTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    private const int EarlierMonths = 14;

    public async Task InitializeAsync()
    {
        // Each test of the class runs this against the same site: the posts are made once.
        if ((await site.Client.GetAsync(new Uri("/blog/monthly-note-1", UriKind.Relative))).IsSuccessStatusCode)
        {
            return;
        }

        for (var i = 0; i < EarlierMonths; i++)
        {
            await TestPost.PublishAsync(
                site.Factory.Services, $"Monthly note {i + 1}", "A short note.", publishedUtc: new DateTime(2013, 1, 15, 12, 0, 0, DateTimeKind.Utc).AddMonths(i));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheMapNamesTheNewestYearOfMonthsAndLinksToTheArchiveOfAll()
    {
        var months = await MonthsWithPostsAsync();

        var home = await HtmlPage.GetAsync(site.Client, "/");
        var archives = home.Document.QuerySelector("section[aria-labelledby=nav-archives]")!;

        Assert.True(months.Count > SiteNavigation.MonthsShown, "the site has more months than the map names");
        Assert.Equal(months.Take(SiteNavigation.MonthsShown), archives.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/archive", archives.QuerySelector(".nav-more a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheArchivePageListsEveryMonth()
    {
        var months = await MonthsWithPostsAsync();

        var page = await HtmlPage.GetAsync(site.Client, "/archive");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(months, page.Document.QuerySelectorAll(".archive-index li a").Select(a => a.GetAttribute("href")));
    }

    // Every month of the site's time zone with a published post, newest first, as archive addresses.
    private async Task<List<string>> MonthsWithPostsAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync()).TimeZone;
        return [.. (await PublishedMonths.InZoneAsync(site.Factory.Services, zone)).Select(m => string.Create(CultureInfo.InvariantCulture, $"/archive/{m.Year:D4}/{m.Month:D2}"))];
    }
}
