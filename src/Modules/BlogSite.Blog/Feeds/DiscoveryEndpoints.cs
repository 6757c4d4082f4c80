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
        content.MapGet("/sitemap.xml", SitemapAsync);
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

    /// Every published routed item (posts, the blog, pages) and every term page, with its last change.
    private static async Task<IResult> SitemapAsync(HttpContext context, SitemapQueries sitemap, SiteSettingsStore settings)
    {
        var baseUri = BaseUri(context);
        var home = (await settings.GetAsync(context.RequestAborted)).HomeContentItemId;
        var urls = new XElement(SitemapNamespace + "urlset");
        foreach (var entry in await sitemap.EntriesAsync(context.RequestAborted))
        {
            var isHome = entry.ContentItemId is not null && entry.ContentItemId == home;
            urls.Add(new XElement(
                SitemapNamespace + "url",
                new XElement(SitemapNamespace + "loc", new Uri(baseUri, isHome ? "/" : "/" + entry.Path).AbsoluteUri),
                entry.ChangedUtc is not { } changed ? null
                    : new XElement(SitemapNamespace + "lastmod", changed.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))));
        }

        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), urls).ToString(SaveOptions.None);
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + xml, "application/xml; charset=utf-8");
    }

    private static Uri BaseUri(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
}
