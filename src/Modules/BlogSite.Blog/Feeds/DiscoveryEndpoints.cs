using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Hosting;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Blog.Feeds;

/// What feed readers and search engines ask for: RSS feeds, /sitemap.xml and /robots.txt.
public static class DiscoveryEndpoints
{
    /// The name of the site's main feed, for links to it.
    public const string RssName = "BlogRss";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Feeds and the sitemap show content: readers need ViewContent, as on the pages.
        var content = endpoints.MapGroup("").RequireAuthorization(AdminPermissions.ViewContent);
        content.MapGet("/rss", (HttpContext context, RssFeedBuilder feeds) => RssAsync(context, feeds, null)).WithName(RssName);
        content.MapGet("/categories/{slug}/rss", (HttpContext context, RssFeedBuilder feeds, string slug) => RssAsync(context, feeds, $"categories/{slug}"));
        content.MapGet("/tags/{slug}/rss", (HttpContext context, RssFeedBuilder feeds, string slug) => RssAsync(context, feeds, $"tags/{slug}"));
        content.MapGet("/authors/{slug}/rss", async (HttpContext context, RssFeedBuilder feeds, string slug) =>
            await WriteAsync(context, await feeds.AuthorAsync(slug, await BaseUriAsync(context), context.RequestAborted)));
        content.MapGet("/sitemap.xml", SitemapIndexAsync);
        content.MapGet("/sitemaps/{file:int}.xml", SitemapAsync);
        // Two parameters, so this is a handler whose result is written, not a RequestDelegate whose result is dropped.
        endpoints.MapGet("/robots.txt", async (HttpContext context, SiteSettingsStore settings) =>
            Results.Text(
                $"User-agent: *\nDisallow: /admin\nDisallow: /login\nDisallow: /search\n\nSitemap: {PublicAddress.BaseOf(context.Request, await settings.GetAsync(context.RequestAborted))}sitemap.xml\n",
                "text/plain; charset=utf-8"));
        return endpoints;
    }

    private static async Task<IResult> RssAsync(HttpContext context, RssFeedBuilder feeds, string? termPath) =>
        await WriteAsync(context, await feeds.BuildAsync(termPath, await BaseUriAsync(context), context.RequestAborted));

    private static async Task<IResult> WriteAsync(HttpContext context, SyndicationFeed? feed)
    {
        if (feed is null)
        {
            return Results.NotFound();
        }

        CacheAt(context);
        return await XmlAsync(context, "application/rss+xml; charset=utf-8", writer => new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer));
    }

    /// The sitemaps protocol's index: one file per <see cref="UrlsPerFile"/> URLs (at most 50,000), each with the
    /// newest change among its URLs.
    private static async Task<IResult> SitemapIndexAsync(HttpContext context, SitemapQueries sitemap, IConfiguration configuration)
    {
        var size = UrlsPerFile(configuration);
        var files = await sitemap.FileChangesAsync(size, context.RequestAborted);
        var baseUri = await BaseUriAsync(context);
        CacheAt(context, showsEverything: true);
        return await XmlAsync(context, "application/xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            foreach (var (changed, file) in files.Select((changed, i) => (changed, i + 1)))
            {
                WriteEntry(writer, "sitemap", new Uri(baseUri, $"sitemaps/{file.ToString(CultureInfo.InvariantCulture)}.xml"), changed);
            }

            writer.WriteEndElement();
        });
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

        var baseUri = await BaseUriAsync(context);
        var home = (await settings.GetAsync(context.RequestAborted)).HomeContentItemId;
        var entries = await sitemap.EntriesAsync(file, size, context.RequestAborted);
        CacheAt(context, showsEverything: true);
        return await XmlAsync(context, "application/xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            foreach (var entry in entries)
            {
                var isHome = entry.ContentItemId is not null && entry.ContentItemId == home;
                WriteEntry(writer, "url", new Uri(baseUri, isHome ? "/" : "/" + entry.Path), entry.ChangedUtc);
            }

            writer.WriteEndElement();
        });
    }

    /// One entry of a sitemap file or of the index: its address and, when known, its last change.
    private static void WriteEntry(XmlWriter writer, string element, Uri location, DateTime? changed)
    {
        writer.WriteStartElement(element, SitemapNamespace);
        writer.WriteElementString("loc", SitemapNamespace, location.AbsoluteUri);
        if (changed is { } when)
        {
            writer.WriteElementString("lastmod", SitemapNamespace, Timestamp(when));
        }

        writer.WriteEndElement();
    }

    /// Writes an XML document into pooled memory and sends it: a feed is about 100 KB and a sitemap file up to 50,000
    /// URLs, and making each as a string (a sitemap as a tree of elements first) took large arrays on every request.
    private static async Task<IResult> XmlAsync(HttpContext context, string contentType, Action<XmlWriter> write)
    {
        await using var buffer = ResponseBuffers.Documents.GetStream();
        // Control characters are written as they come and removed afterwards: the writer would otherwise throw on them.
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = false }))
        {
            write(writer);
        }

        var xml = XmlControlCharacters.Strip(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        context.Response.ContentType = contentType;
        context.Response.ContentLength = xml.Length;
        await context.Response.Body.WriteAsync(xml, context.RequestAborted);
        return Results.Empty;
    }

    /// URLs per sitemap file: the protocol's 50,000 unless configured lower (BlogSite:Sitemap:UrlsPerFile).
    private static int UrlsPerFile(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("BlogSite:Sitemap:UrlsPerFile", SitemapQueries.MaxUrlsPerFile), 1, SitemapQueries.MaxUrlsPerFile);

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<Uri> BaseUriAsync(HttpContext context) =>
        PublicAddress.BaseOf(context.Request, await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(context.RequestAborted));

    /// Feeds and sitemaps are cached for anonymous readers under their own address; sitemaps show every change.
    private static void CacheAt(HttpContext context, bool showsEverything = false)
    {
        var cache = context.RequestServices.GetRequiredService<PageCacheEntry>();
        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        if (showsEverything)
        {
            cache.ShowsEverythingPublished();
        }

        cache.StoreAt(context.Request.Path.Value ?? "/");
    }
}
