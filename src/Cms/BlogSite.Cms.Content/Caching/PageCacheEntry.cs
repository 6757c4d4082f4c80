namespace BlogSite.Cms.Content.Caching;

/// What one request's page shows, filled in while it is built (a scoped service): the <see cref="CacheTags"/> its
/// cached copy carries, and the one address under which it may be stored. A page that never calls
/// <see cref="StoreAt"/> is never cached.
public sealed class PageCacheEntry
{
    private readonly HashSet<string> tags = new(StringComparer.Ordinal) { CacheTags.Site };

    public IReadOnlyCollection<string> Tags => tags;

    /// The path and query this response is the canonical answer for; null until the page says it may be cached.
    public string? Address { get; private set; }

    public void StoreAt(string pathAndQuery) => Address = pathAndQuery;

    public void ShowsItem(string contentItemId) => tags.Add(CacheTags.Item(contentItemId));

    public void ShowsUser(string userId) => tags.Add(CacheTags.User(userId));

    public void ShowsListsOf(string contentType) => tags.Add(CacheTags.Type(contentType));

    public void ShowsEverythingPublished() => tags.Add(CacheTags.Published);

    /// The tags a kept part of a page was built with, given again each time the part is reused.
    public void Shows(IEnumerable<string> tagsOfPart) => tags.UnionWith(tagsOfPart);
}
