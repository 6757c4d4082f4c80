namespace BlogSite.Cms.Content.Caching;

/// What one request's page shows, filled in while it is built (a scoped service): the <see cref="CacheTags"/> its
/// cached copy carries, and the one address under which it may be stored. A page that never calls
/// <see cref="StoreAt"/> is never cached.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The open recording belongs to whoever called Record, which disposes it.")]
public sealed class PageCacheEntry
{
    private readonly HashSet<string> tags = new(StringComparer.Ordinal) { CacheTags.Site };
    private TagRecording? recording;

    public IReadOnlyCollection<string> Tags => tags;

    /// The path and query this response is the canonical answer for; null until the page says it may be cached.
    public string? Address { get; private set; }

    public void StoreAt(string pathAndQuery) => Address = pathAndQuery;

    public void ShowsItem(string contentItemId) => Add(CacheTags.Item(contentItemId));

    public void ShowsUser(string userId) => Add(CacheTags.User(userId));

    public void ShowsListsOf(string contentType) => Add(CacheTags.Type(contentType));

    public void ShowsEverythingPublished() => Add(CacheTags.Published);

    /// The tags a kept part of a page was built with, given again each time the part is reused.
    public void Shows(IEnumerable<string> tagsOfPart)
    {
        ArgumentNullException.ThrowIfNull(tagsOfPart);
        foreach (var tag in tagsOfPart)
        {
            Add(tag);
        }
    }

    /// Collects every tag given until it is disposed, whether or not the page had it already, so a part built for
    /// keeping knows all it shows.
    public TagRecording Record() => recording = new TagRecording(this, recording);

    private void Add(string tag)
    {
        tags.Add(tag);
        for (var r = recording; r is not null; r = r.Outer)
        {
            r.Add(tag);
        }
    }

    internal void EndRecording(TagRecording ended) => recording = ended.Outer;
}
