using System.ServiceModel.Syndication;
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
    BlogPostQueries posts, RouteResolver routes, TermCatalog terms, SiteSettingsStore settings, MarkdownRenderer markdown, PageCacheEntry cache)
{
    public const int ItemCount = 20;

    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

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

        var feed = new SyndicationFeed(title, site.Tagline ?? site.MetaDescription ?? site.SiteName, new Uri(baseUri, link))
        {
            Language = "en",
            LastUpdatedTime = items.Count > 0 ? Offset(items.Max(i => i.ModifiedUtc ?? i.PublishedUtc)) : default,
        };
        var entries = new List<SyndicationItem>();
        foreach (var post in items)
        {
            entries.Add(await ItemAsync(post, baseUri, cancellationToken));
        }

        feed.Items = entries;
        return feed;
    }

    private async Task<SyndicationItem> ItemAsync(ContentItem post, Uri baseUri, CancellationToken cancellationToken)
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

        if (!string.IsNullOrEmpty(post.Author))
        {
            item.Authors.Add(new SyndicationPerson { Name = post.Author });
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
