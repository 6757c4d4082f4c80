using System.ServiceModel.Syndication;
using BlogSite.Blog.Authors;
using BlogSite.Blog.Display;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Feeds;

/// RSS 2.0 for the whole blog and for each category and tag: the newest published posts with their full, sanitized
/// body (in content:encoded, with the author's excerpt as the description, when they wrote one). Returns null for a
/// term that does not exist, which the endpoint answers with 404.
public sealed class RssFeedBuilder(
    BlogPostQueries posts, FeedEntries entries, RouteResolver routes, TermCatalog terms, SiteSettingsStore settings, AuthorDirectory authors, PageCacheEntry cache)
{
    public const int ItemCount = 20;

    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public async Task<SyndicationFeed?> BuildAsync(string? termPath, Uri baseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var site = await settings.GetAsync(cancellationToken);
        string title;
        string link;
        IReadOnlyList<long> newest;
        if (termPath is null)
        {
            (title, link) = (site.SiteName, "/");
            newest = await posts.RecentIdsAsync(ItemCount, cancellationToken);
        }
        else
        {
            var match = await routes.ResolveAsync(termPath, cancellationToken);
            if (match?.ContainedContentItemId is not { } termId || match.RedirectTo is not null || await terms.FindAsync(termId, cancellationToken) is not { } term)
            {
                return null;
            }

            (title, link) = ($"{site.SiteName}: {term.DisplayText}", BlogPostPresenter.Url(termPath));
            newest = (await posts.WithAnyTermAsync(await terms.SelfAndDescendantsAsync(termId, cancellationToken), 1, ItemCount, cancellationToken)).Items;
        }

        return Feed(title, site.Tagline ?? site.MetaDescription ?? site.SiteName, link, await entries.OfAsync(newest, cancellationToken), baseUri);
    }

    /// The newest posts credited to one person; null when they have none.
    public async Task<SyndicationFeed?> AuthorAsync(string slug, Uri baseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (await authors.BySlugAsync(slug) is not { } author)
        {
            return null;
        }

        cache.ShowsUser(author.UserId);
        var newest = await posts.ByOwnerAsync(author.UserId, 1, ItemCount, cancellationToken);
        if (newest.Total == 0)
        {
            return null;
        }

        var site = await settings.GetAsync(cancellationToken);
        return Feed(
            $"{site.SiteName}: {author.Name}", author.Bio ?? $"Posts by {author.Name}", author.Url, await entries.OfAsync(newest.Items, cancellationToken), baseUri);
    }

    private static SyndicationFeed Feed(string title, string description, string link, IReadOnlyList<FeedEntry> entries, Uri baseUri) =>
        new(title, description, new Uri(baseUri, link))
        {
            Language = "en",
            LastUpdatedTime = entries.Count > 0 ? Offset(entries.Max(e => e.UpdatedUtc)) : default,
            Items = [.. entries.Select(e => Item(e, baseUri))],
        };

    private static SyndicationItem Item(FeedEntry entry, Uri baseUri)
    {
        var url = new Uri(baseUri, entry.Link.Url);
        var item = new SyndicationItem(entry.Link.Title, entry.Body, url, url.AbsoluteUri, Offset(entry.UpdatedUtc))
        {
            PublishDate = Offset(entry.PublishedUtc),
        };
        if (entry.Excerpt is { } excerpt)
        {
            // As WordPress does: readers show the full text, lists and aggregators the author's summary.
            item.Summary = new TextSyndicationContent(excerpt);
            item.ElementExtensions.Add("encoded", ContentModule, entry.Body);
        }

        if (entry.Creator is { } creator)
        {
            item.ElementExtensions.Add("creator", DublinCore, creator);
        }

        foreach (var name in entry.Categories)
        {
            item.Categories.Add(new SyndicationCategory(name));
        }

        return item;
    }

    private static DateTimeOffset Offset(DateTime? utc) => utc is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : default;
}
