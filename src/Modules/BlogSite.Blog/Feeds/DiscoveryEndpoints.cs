using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Blog.Feeds;

/// What feed readers and search engines ask for: RSS feeds, /sitemap.xml and /robots.txt.
public static class DiscoveryEndpoints
{
    /// The name of the site's main feed, for links to it.
    public const string RssName = "BlogRss";

    private static readonly XNamespace SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Feeds and the sitemap show content: readers need ViewContent, as on the pages.
        var content = endpoints.MapGroup("").RequireAuthorization(AdminPermissions.ViewContent);
        content.MapGet("/rss", (HttpContext context, RssFeedBuilder feeds) => RssAsync(context, feeds, null)).WithName(RssName);
        content.MapGet("/categories/{slug}/rss", (HttpContext context, RssFeedBuilder feeds, string slug) => RssAsync(context, feeds, $"categories/{slug}"));
        content.MapGet("/tags/{slug}/rss", (HttpContext context, RssFeedBuilder feeds, string slug) => RssAsync(context, feeds, $"tags/{slug}"));
        content.MapGet("/sitemap.xml", SitemapIndexAsync);
        content.MapGet("/sitemaps/{file:int}.xml", SitemapAsync);
        endpoints.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"User-agent: *\nDisallow: /admin\nDisallow: /login\nDisallow: /search\n\nSitemap: {BaseUri(context)}sitemap.xml\n", "text/plain; charset=utf-8"));
        return endpoints;
    }

    private static async Task<IResult> RssAsync(HttpContext context, RssFeedBuilder feeds, string? termPath)
    {
        var feed = await feeds.BuildAsync(termPath, BaseUri(context), context.RequestAborted);
        if (feed is null)
        {
            return Results.NotFound();
        }

        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true, Indent = true }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
            await writer.FlushAsync();
        }

        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    /// The sitemaps protocol's index: one file per <see cref="UrlsPerFile"/> URLs (at most 50,000), each with the
    /// newest change among its URLs.
    private static async Task<IResult> SitemapIndexAsync(HttpContext context, SitemapQueries sitemap, IConfiguration configuration)
    {
        var size = UrlsPerFile(configuration);
        var entries = await sitemap.EntriesAsync(null, size, context.RequestAborted);
        var index = new XElement(SitemapNamespace + "sitemapindex");
        var file = 0;
        foreach (var chunk in entries.Count == 0 ? [[]] : entries.Chunk(size))
        {
            file++;
            var changed = chunk.Max(e => e.ChangedUtc);
            index.Add(new XElement(
                SitemapNamespace + "sitemap",
                new XElement(SitemapNamespace + "loc", new Uri(BaseUri(context), $"sitemaps/{file.ToString(CultureInfo.InvariantCulture)}.xml").AbsoluteUri),
                changed is { } when ? new XElement(SitemapNamespace + "lastmod", Timestamp(when)) : null));
        }

        return Xml(index);
    }

    /// One sitemap file: its published routed items and term pages, with their last change.
    private static async Task<IResult> SitemapAsync(HttpContext context, int file, SitemapQueries sitemap, SiteSettingsStore settings, IConfiguration configuration)
    {
        var size = UrlsPerFile(configuration);
        var files = Math.Max(1, (int)Math.Ceiling(await sitemap.CountAsync(context.RequestAborted) / (double)size));
        if (file < 1 || file > files)
        {
            return Results.NotFound();
        }

        var baseUri = BaseUri(context);
        var home = (await settings.GetAsync(context.RequestAborted)).HomeContentItemId;
        var urls = new XElement(SitemapNamespace + "urlset");
        foreach (var entry in await sitemap.EntriesAsync(file, size, context.RequestAborted))
        {
            var isHome = entry.ContentItemId is not null && entry.ContentItemId == home;
            urls.Add(new XElement(
                SitemapNamespace + "url",
                new XElement(SitemapNamespace + "loc", new Uri(baseUri, isHome ? "/" : "/" + entry.Path).AbsoluteUri),
                entry.ChangedUtc is not { } changed ? null : new XElement(SitemapNamespace + "lastmod", Timestamp(changed))));
        }

        return Xml(urls);
    }

    /// URLs per sitemap file: the protocol's 50,000 unless configured lower (BlogSite:Sitemap:UrlsPerFile).
    private static int UrlsPerFile(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("BlogSite:Sitemap:UrlsPerFile", SitemapQueries.MaxUrlsPerFile), 1, SitemapQueries.MaxUrlsPerFile);

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IResult Xml(XElement root) =>
        Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XDocument(root).ToString(SaveOptions.None), "application/xml; charset=utf-8");

    private static Uri BaseUri(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
}
