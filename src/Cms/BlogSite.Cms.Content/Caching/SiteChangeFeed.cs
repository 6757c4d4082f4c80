using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Caching;

/// Tells everything that keeps copies of public data (the output cache, list counts) what just changed, after the
/// change is committed. <see cref="Generation"/> moves on every change and <see cref="ListGeneration"/> on every change
/// that alters lists, so a copy taken under an older generation is known to be stale.
public sealed class SiteChangeFeed(IServiceProvider services, TimeProvider clock)
{
    private long generation;
    private long listGeneration;
    private long lastChangeTicks = clock.GetUtcNow().UtcTicks;

    public long Generation => Interlocked.Read(ref generation);

    public long ListGeneration => Interlocked.Read(ref listGeneration);

    /// When readers' pages last changed, as far as this process knows: its start, or the latest change since.
    public DateTimeOffset LastChangeUtc => new(Interlocked.Read(ref lastChangeTicks), TimeSpan.Zero);

    public async Task PublishAsync(SiteChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Tags.Count == 0)
        {
            return;
        }

        // Lists first: a request that reads the new generation (and so may store its page as current) must not read
        // list facts of the old one.
        if (change.ChangesLists)
        {
            Interlocked.Increment(ref listGeneration);
        }

        Interlocked.Increment(ref generation);

        // HTTP dates have whole seconds; a change must never read as older than a copy made earlier in its second.
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref lastChangeTicks, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(1).UtcTicks);
        // Listeners are found when first needed: the output cache's listener depends on a store that reads this feed.
        foreach (var listener in services.GetServices<ISiteChangeListener>())
        {
            await listener.OnChangedAsync(change, cancellationToken);
        }
    }
}
