using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Caching;

/// Facts about published lists that cost a scan of the site (how many posts a term or a month has, which months have
/// posts), computed once and kept until a change alters lists (<see cref="SiteChangeFeed.ListGeneration"/>), or until
/// any change for facts that name document ids (<see cref="GetUntilAnyChangeAsync"/>), so a page pays for them once per
/// change instead of once per request. Callers pass keys from a bounded set.
public sealed class ListFacts(SiteChangeFeed feed)
{
    /// Whether a scope may read copies shared with other requests (these facts, and other caches kept per change
    /// generation): not inside a transaction or with unsaved changes, whose own writes no shared copy shows yet.
    public static bool MayShareCopies(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges();
    }

    private Snapshot current = new(-1);
    private Snapshot untilAnyChange = new(-1);

    public Task<T> GetAsync<T>(string key, Func<Task<T>> compute) =>
        ReadAsync(Current(ref current, feed.ListGeneration), key, compute);

    /// Like <see cref="GetAsync"/>, but kept only until the next change of any kind: for facts that name document ids
    /// (a list's order), since a new live version of an item gets a new id without changing any list.
    public Task<T> GetUntilAnyChangeAsync<T>(string key, Func<Task<T>> compute) =>
        ReadAsync(Current(ref untilAnyChange, feed.Generation), key, compute);

    private static Snapshot Current(ref Snapshot kept, long generation)
    {
        var snapshot = kept;
        if (snapshot.Generation != generation)
        {
            snapshot = new Snapshot(generation);
            kept = snapshot;
        }

        return snapshot;
    }

    private static async Task<T> ReadAsync<T>(Snapshot snapshot, string key, Func<Task<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        // Lazy: a burst of readers right after a publish waits for one computation instead of starting one each.
        var value = snapshot.Values.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await compute()));
        try
        {
            return (T)(await value.Value)!;
        }
        catch
        {
            // Only the failed computation: a reader may already have started a new one under the key.
            snapshot.Values.TryRemove(KeyValuePair.Create(key, value));
            throw;
        }
    }

    private sealed record Snapshot(long Generation)
    {
        public ConcurrentDictionary<string, Lazy<Task<object?>>> Values { get; } = new(StringComparer.Ordinal);
    }
}
