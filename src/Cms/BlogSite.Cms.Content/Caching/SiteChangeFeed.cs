namespace BlogSite.Cms.Content.Caching;

/// Tells everything that keeps copies of public data (the output cache, list counts) what just changed, after the
/// change is committed. <see cref="ListGeneration"/> moves on every change that alters lists, so a copy taken under an
/// older generation is known to be stale.
public sealed class SiteChangeFeed(IEnumerable<ISiteChangeListener> listeners)
{
    private long listGeneration;

    public long ListGeneration => Interlocked.Read(ref listGeneration);

    public async Task PublishAsync(SiteChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Tags.Count == 0)
        {
            return;
        }

        if (change.ChangesLists)
        {
            Interlocked.Increment(ref listGeneration);
        }

        foreach (var listener in listeners)
        {
            await listener.OnChangedAsync(change, cancellationToken);
        }
    }
}
