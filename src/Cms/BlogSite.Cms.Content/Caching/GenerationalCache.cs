using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Content.Caching;

/// Values worked out from published content, one per key (a post's summary, a post's neighbours), each stored with the
/// change generation (<see cref="SiteChangeFeed"/>) it was read under and used only while that generation is current.
/// Unlike <see cref="ListFacts"/> its keys come from an open set, so it is bounded by count: a crawl through every page
/// of a large blog cannot grow it without limit. Its capacity counts entries, or whatever <paramref name="sizeOf"/> measures
/// (the characters of a feed entry's body, which may be long).
public sealed class GenerationalCache<TKey, TValue>(long capacity, Func<TValue, long>? sizeOf = null) : IDisposable
    where TKey : notnull
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = capacity });

    public bool TryGet(TKey key, long generation, [MaybeNullWhen(false)] out TValue value)
    {
        if (entries.TryGetValue(key, out Entry? entry) && entry is not null)
        {
            if (entry.Generation == generation)
            {
                value = entry.Value;
                return true;
            }

            // A stale copy must not hold a place a current one could use.
            entries.Remove(key);
        }

        value = default;
        return false;
    }

    /// <paramref name="generation"/> must be read before the value's data was read, so a change made meanwhile makes
    /// the stored copy stale instead of current.
    public void Set(TKey key, long generation, TValue value) =>
        entries.Set(key, new Entry(generation, value), new MemoryCacheEntryOptions { Size = sizeOf?.Invoke(value) ?? 1 });

    public void Dispose() => entries.Dispose();

    private sealed record Entry(long Generation, TValue Value);
}
