using System.Globalization;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;

namespace BlogSite.Blog.Display;

/// Summaries of published posts by document id, drawn once per change generation: a list page reads its ids from an
/// index and, when its posts were shown since the last change, nothing else.
public sealed class PostSummaries(
    GenerationalCache<long, CachedSummary> summaries, SiteChangeFeed feed, BlogPostQueries posts, BlogPostPresenter presenter, PageCacheEntry cache)
{
    public const int Capacity = 5_000;

    /// The summaries of the posts still published, in the order of the ids.
    public async Task<IReadOnlyList<PostSummary>> OfAsync(IReadOnlyList<long> documentIds, CancellationToken cancellationToken)
    {
        var found = await ByIdAsync(documentIds, cancellationToken);
        return [.. documentIds.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<IReadOnlyDictionary<long, PostSummary>> ByIdAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        // The generation is read before the posts, so a summary never names a change older than what it shows.
        var generation = feed.Generation;
        var found = await summaries.GetManyAsync(documentIds, generation, async missing =>
        {
            var read = new List<KeyValuePair<long, CachedSummary>>();
            foreach (var item in await posts.ByIdsInOrderAsync(missing, cancellationToken))
            {
                var summary = await presenter.SummaryAsync(item, cancellationToken) with
                {
                    CacheKey = string.Create(CultureInfo.InvariantCulture, $"{item.Id}@{generation}"),
                };
                read.Add(new(item.Id, new CachedSummary(item.ContentItemId, summary)));
            }

            return read;
        });

        foreach (var summary in found.Values)
        {
            cache.ShowsItem(summary.ContentItemId);
        }

        return found.ToDictionary(f => f.Key, f => f.Value.Summary);
    }
}

public sealed record CachedSummary(string ContentItemId, PostSummary Summary);
