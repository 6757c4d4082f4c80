using System.Net;
using System.Xml.Linq;
using BlogSite.IntegrationTests.Admin;

namespace BlogSite.IntegrationTests.PublicSite;

/// /sitemap.xml is a sitemap index whose files hold at most the configured number of URLs (the protocol's 50,000
/// unless set lower, as here, so 18 posts show the split).
public sealed class SitemapIndexTests(SitemapIndexTests.Site site) : IClassFixture<SitemapIndexTests.Site>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task TheIndexSplitsTheSitesUrlsIntoFilesOfAtMostTheLimitAndEachUrlIsInExactlyOne()
    {
        using var reader = site.NewClient();

        var index = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        var files = index.Root!.Elements(Ns + "sitemap").Select(s => new Uri(s.Element(Ns + "loc")!.Value).AbsolutePath).ToList();
        var urls = new List<string>();
        foreach (var file in files)
        {
            var entries = XDocument.Parse(await reader.GetStringAsync(file)).Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
            Assert.InRange(entries.Count, 1, 5);
            urls.AddRange(entries);
        }

        Assert.True(files.Count >= 5, $"{files.Count} files");
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("http://localhost/", urls);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sitemaps/{files.Count + 1}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sitemaps/0.xml")).StatusCode);
    }

    [Fact]
    public async Task EachFileInTheIndexIsDatedByTheNewestChangeAmongItsUrls()
    {
        using var reader = site.NewClient();

        var index = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        foreach (var file in index.Root!.Elements(Ns + "sitemap"))
        {
            var entries = XDocument.Parse(await reader.GetStringAsync(new Uri(file.Element(Ns + "loc")!.Value).AbsolutePath));
            var newest = entries.Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "lastmod")?.Value).Max(StringComparer.Ordinal);
            Assert.Equal(newest, file.Element(Ns + "lastmod")?.Value);
        }
    }

    /// A site whose sitemap files hold five URLs each.
    public sealed class Site : AdminSite
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["BlogSite:Sitemap:UrlsPerFile"] = "5",
        };
    }
}
