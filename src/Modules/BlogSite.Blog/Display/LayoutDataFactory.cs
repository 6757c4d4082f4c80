using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Blog.Display;

/// Builds the layout's data for a public page: unique title, description, canonical URL, Open Graph and Twitter
/// tags, feeds to advertise, and JSON-LD for posts.
public sealed class LayoutDataFactory(SiteSettingsStore settings)
{
    private static readonly JsonSerializerOptions JsonLdOptions = new() { WriteIndented = false };

    public async Task<LayoutData> CreateAsync(HttpRequest request, ContentDisplay? display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = await settings.GetAsync(cancellationToken);
        var baseUrl = PublicAddress.BaseOf(request, site).AbsoluteUri.TrimEnd('/');
        var feeds = new List<FeedLink> { new($"{site.SiteName} (all posts)", "/rss") };
        if (display is null)
        {
            return new LayoutData(site.SiteName, site.Tagline, $"Page not found – {site.SiteName}", null) { Feeds = feeds, NoIndex = true };
        }

        if (display.Feed is { } feed)
        {
            feeds.Add(feed);
        }

        var canonical = display.CanonicalUrl ?? (display.CanonicalPath is null ? null : baseUrl + display.CanonicalPath);
        var title = display.CanonicalPath == "/" ? site.SiteName : $"{display.PageTitle ?? display.Title} – {site.SiteName}";
        var description = display.Description ?? site.MetaDescription;
        var post = display.Model as PostView;
        var image = post?.ImageUrl is { } path ? baseUrl + path : null;
        return new LayoutData(site.SiteName, site.Tagline, title, description)
        {
            CanonicalUrl = canonical,
            OpenGraphType = post is null ? "website" : "article",
            ImageUrl = image,
            JsonLd = post is null ? null : BlogPostingJsonLd(post, canonical, description, image, site.SiteName),
            Feeds = feeds,
            NoIndex = display.Model is SearchView,
        };
    }

    private static string BlogPostingJsonLd(PostView post, string? url, string? description, string? image, string siteName)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BlogPosting",
            ["headline"] = post.Title,
            ["description"] = description,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["datePublished"] = post.PublishedUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["dateModified"] = (post.ModifiedUtc ?? post.PublishedUtc)?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["author"] = post.Author is null ? null : new JsonObject { ["@type"] = "Person", ["name"] = post.Author },
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = siteName },
            ["articleSection"] = post.Category?.Name,
            ["keywords"] = string.Join(", ", post.Tags.Select(t => t.Name)),
        };
        if (image is not null)
        {
            json["image"] = image;
        }

        // The default encoder escapes <, > and &, so the result cannot close the script element it sits in.
        return json.ToJsonString(JsonLdOptions);
    }
}
