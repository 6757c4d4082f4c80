using System.ServiceModel.Syndication;
using BlogSite.Blog.Authors;
using BlogSite.Blog.Display;
using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Cms.Content.Queries;

namespace BlogSite.Blog.Feeds;

/// RSS 2.0 for the whole blog and for each category and tag: the newest published posts with their full, sanitized
/// body (in content:encoded, with the author's excerpt as the description, when they wrote one). Returns null for a
/// term that does not exist, which the endpoint answers with 404.
public sealed class RssFeedBuilder(
    BlogPostQueries posts, RouteResolver routes, TermCatalog terms, SiteSettingsStore settings, MarkdownRenderer markdown, AuthorDirectory authors, PageCacheEntry cache)
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
        IReadOnlyList<ContentItem> items;
        if (termPath is null)
        {
            (title, link) = (site.SiteName, "/");
            items = await posts.RecentAsync(ItemCount, cancellationToken);
        }
        else
        {
            var match = await routes.ResolveAsync(termPath, cancellationToken);
            if (match?.ContainedContentItemId is not { } termId || match.RedirectTo is not null || await terms.FindAsync(termId, cancellationToken) is not { } term)
            {
                return null;
            }

            (title, link) = ($"{site.SiteName}: {term.DisplayText}", BlogPostPresenter.Url(termPath));
            var newest = await posts.WithAnyTermAsync(await terms.SelfAndDescendantsAsync(termId, cancellationToken), 1, ItemCount, cancellationToken);
            items = await posts.ByIdsInOrderAsync(newest.Items, cancellationToken);
        }

        return await FeedAsync(title, site.Tagline ?? site.MetaDescription ?? site.SiteName, link, items, baseUri, cancellationToken);
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
        var items = await posts.ByIdsInOrderAsync(newest.Items, cancellationToken);
        return await FeedAsync($"{site.SiteName}: {author.Name}", author.Bio ?? $"Posts by {author.Name}", author.Url, items, baseUri, cancellationToken);
    }

    private async Task<SyndicationFeed> FeedAsync(
        string title, string description, string link, IReadOnlyList<ContentItem> items, Uri baseUri, CancellationToken cancellationToken)
    {
        var credited = await authors.ByIdsAsync(items.Select(i => i.Owner), cancellationToken);
        var feed = new SyndicationFeed(title, description, new Uri(baseUri, link))
        {
            Language = "en",
            LastUpdatedTime = items.Count > 0 ? Offset(items.Max(i => i.ModifiedUtc ?? i.PublishedUtc)) : default,
        };
        var entries = new List<SyndicationItem>();
        foreach (var post in items)
        {
            entries.Add(await ItemAsync(post, post.Owner is { } owner && credited.TryGetValue(owner, out var author) ? author : null, baseUri, cancellationToken));
        }

        feed.Items = entries;
        return feed;
    }

    private async Task<SyndicationItem> ItemAsync(ContentItem post, Author? author, Uri baseUri, CancellationToken cancellationToken)
    {
        cache.ShowsItem(post.ContentItemId);
        var url = new Uri(baseUri, BlogPostPresenter.Link(post).Url);
        var body = markdown.ToHtml(post.As<MarkdownBodyPart>()?.Markdown);
        var item = new SyndicationItem(BlogPostPresenter.Title(post), body, url, url.AbsoluteUri, Offset(post.ModifiedUtc ?? post.PublishedUtc))
        {
            PublishDate = Offset(post.PublishedUtc),
        };
        if (post.As<BlogPost>()?.OwnExcerpt is { } excerpt)
        {
            // As WordPress does: readers show the full text, lists and aggregators the author's summary.
            item.Summary = new TextSyndicationContent(excerpt);
            item.ElementExtensions.Add("encoded", ContentModule, body);
        }

        // RSS's own <author> must be an e-mail address; feeds name people with Dublin Core's creator, as WordPress does.
        if (author is not null)
        {
            cache.ShowsUser(author.UserId);
            item.ElementExtensions.Add("creator", DublinCore, author.Name);
        }
        else if (!string.IsNullOrEmpty(post.Author))
        {
            item.ElementExtensions.Add("creator", DublinCore, post.Author);
        }

        var fields = post.As<BlogPost>();
        foreach (var field in new[] { fields?.Category, fields?.Tags })
        {
            foreach (var id in field?.TermContentItemIds ?? [])
            {
                if (await terms.FindAsync(id, cancellationToken) is { } term)
                {
                    item.Categories.Add(new SyndicationCategory(term.DisplayText));
                }
            }
        }

        return item;
    }

    private static DateTimeOffset Offset(DateTime? utc) => utc is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : default;
}
