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

    /// The values of <paramref name="keys"/> under <paramref name="generation"/>: the kept ones, and the missing ones
    /// read together by <paramref name="readMissing"/> (which may leave out keys that have no value) and then kept.
    /// <paramref name="generation"/> must be read before the data, as for <see cref="Set"/>.
    public async Task<IReadOnlyDictionary<TKey, TValue>> GetManyAsync(
        IEnumerable<TKey> keys, long generation, Func<IReadOnlyList<TKey>, Task<IEnumerable<KeyValuePair<TKey, TValue>>>> readMissing)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(readMissing);
        var found = new Dictionary<TKey, TValue>();
        var missing = new List<TKey>();
        foreach (var key in keys.Distinct())
        {
            if (TryGet(key, generation, out var value))
            {
                found[key] = value;
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (key, value) in await readMissing(missing))
            {
                Set(key, generation, value);
                found[key] = value;
            }
        }

        return found;
    }

    public void Dispose() => entries.Dispose();

    private sealed record Entry(long Generation, TValue Value);
}
