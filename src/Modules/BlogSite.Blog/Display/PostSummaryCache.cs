using BlogSite.Cms.Content.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Blog.Display;

/// Summaries of published post versions by document id, each valid for the change generation it was built under:
/// a list page then reads ten ids from an index and nothing else when its posts were shown since the last change.
/// Bounded by count, so a crawl through every page of a large blog cannot grow it without limit.
public sealed class PostSummaryCache(SiteChangeFeed feed) : IDisposable
{
    private const int Capacity = 5_000;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// The generation to build under: read it before reading the posts, so a change made meanwhile makes the copy stale.
    public long Generation => feed.Generation;

    public bool TryGet(long documentId, out CachedSummary summary)
    {
        if (entries.TryGetValue(documentId, out CachedSummary? found) && found is not null && found.Generation == feed.Generation)
        {
            summary = found;
            return true;
        }

        summary = null!;
        return false;
    }

    public void Set(long documentId, CachedSummary summary) =>
        entries.Set(documentId, summary, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => entries.Dispose();
}

public sealed record CachedSummary(long Generation, string ContentItemId, PostSummary Summary);
