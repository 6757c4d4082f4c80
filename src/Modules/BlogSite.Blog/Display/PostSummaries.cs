using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;

namespace BlogSite.Blog.Display;

/// The summaries a list page shows, in the order of its ids: from <see cref="PostSummaryCache"/> where it has them,
/// the rest read and drawn in one query.
public sealed class PostSummaries(PostSummaryCache summaries, BlogPostQueries posts, BlogPostPresenter presenter, PageCacheEntry cache)
{
    public async Task<IReadOnlyList<PostSummary>> OfAsync(IReadOnlyList<long> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var found = new Dictionary<long, CachedSummary>();
        var missing = new List<long>();
        foreach (var id in documentIds)
        {
            if (summaries.TryGet(id, out var summary))
            {
                found[id] = summary;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var generation = summaries.Generation;
            foreach (var item in await posts.ByIdsInOrderAsync(missing, cancellationToken))
            {
                var summary = new CachedSummary(generation, item.ContentItemId, await presenter.SummaryAsync(item, cancellationToken));
                summaries.Set(item.Id, summary);
                found[item.Id] = summary;
            }
        }

        var result = new List<PostSummary>(documentIds.Count);
        foreach (var id in documentIds)
        {
            if (found.TryGetValue(id, out var summary))
            {
                cache.ShowsItem(summary.ContentItemId);
                result.Add(summary.Summary);
            }
        }

        return result;
    }
}
