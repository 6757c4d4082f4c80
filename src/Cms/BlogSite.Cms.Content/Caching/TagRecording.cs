namespace BlogSite.Cms.Content.Caching;

/// The tags given to a <see cref="PageCacheEntry"/> while this recording is open (see <see cref="PageCacheEntry.Record"/>).
public sealed class TagRecording : IDisposable
{
    private readonly PageCacheEntry entry;
    private readonly HashSet<string> tags = new(StringComparer.Ordinal);

    internal TagRecording(PageCacheEntry entry, TagRecording? outer)
    {
        this.entry = entry;
        Outer = outer;
    }

    public IReadOnlySet<string> Tags => tags;

    internal TagRecording? Outer { get; }

    internal void Add(string tag) => tags.Add(tag);

    public void Dispose() => entry.EndRecording(this);
}
