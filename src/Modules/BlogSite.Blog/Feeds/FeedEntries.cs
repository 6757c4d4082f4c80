using BlogSite.Blog.Authors;
using BlogSite.Blog.Display;
using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Feeds;

/// What feeds say about published posts, by document id, drawn once per change generation as list summaries are: each
/// feed request names the newest posts, and reading and rendering twenty full posts cost a feed five times a list page.
public sealed class FeedEntries(
    GenerationalCache<long, FeedEntry> known, SiteChangeFeed feed, BlogPostQueries posts, MarkdownRenderer markdown, AuthorDirectory authors, TermCatalog terms,
    PageCacheEntry cache)
{
    /// Characters of bodies kept (about 32 MB): the main feed and the feeds readers follow most, however long the posts.
    public const long Capacity = 16 * 1024 * 1024;

    /// What an entry counts against <see cref="Capacity"/>.
    public static long SizeOf(FeedEntry entry) => (entry?.Body.Length ?? 0) + 512;

    /// The entries of the posts still published, in the order of the ids.
    public async Task<IReadOnlyList<FeedEntry>> OfAsync(IReadOnlyList<long> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var found = await known.GetManyAsync(documentIds, feed.Generation, async missing =>
        {
            var items = await posts.ByIdsInOrderAsync(missing, cancellationToken);
            var credited = await authors.ByIdsAsync(items.Select(i => i.Owner), cancellationToken);
            var read = new List<KeyValuePair<long, FeedEntry>>();
            foreach (var post in items)
            {
                read.Add(new(post.Id, await EntryAsync(post, post.Owner is { } owner && credited.TryGetValue(owner, out var author) ? author : null, cancellationToken)));
            }

            return read;
        });
        var entries = documentIds.Distinct().Where(found.ContainsKey).Select(id => found[id]).ToList();
        foreach (var entry in entries)
        {
            cache.ShowsItem(entry.ContentItemId);
            if (entry.AuthorUserId is { } userId)
            {
                cache.ShowsUser(userId);
            }
        }

        return entries;
    }

    private async Task<FeedEntry> EntryAsync(ContentItem post, Author? author, CancellationToken cancellationToken)
    {
        var fields = post.As<BlogPost>();
        var categories = new List<string>();
        foreach (var id in (fields?.Category?.TermContentItemIds ?? []).Concat(fields?.Tags?.TermContentItemIds ?? []))
        {
            if (await terms.FindAsync(id, cancellationToken) is { } term)
            {
                categories.Add(term.DisplayText);
            }
        }

        return new FeedEntry(
            post.ContentItemId,
            BlogPostPresenter.Link(post),
            markdown.ToHtml(post.As<MarkdownBodyPart>()?.Markdown),
            fields?.OwnExcerpt,
            author?.UserId,
            // RSS's own <author> must be an e-mail address; feeds name people with Dublin Core's creator, as WordPress does.
            author?.Name ?? (string.IsNullOrEmpty(post.Author) ? null : post.Author),
            post.PublishedUtc,
            post.ModifiedUtc ?? post.PublishedUtc,
            categories);
    }
}

/// One post as feeds show it: its full, sanitized body, the author's excerpt when they wrote one, and its terms' names.
public sealed record FeedEntry(
    string ContentItemId,
    PostLink Link,
    string Body,
    string? Excerpt,
    string? AuthorUserId,
    string? Creator,
    DateTime? PublishedUtc,
    DateTime? UpdatedUtc,
    IReadOnlyList<string> Categories);
