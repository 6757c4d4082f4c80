namespace BlogSite.Cms.Content.Caching;

/// A committed change to what readers may see, as the <see cref="CacheTags"/> of the pages it makes stale.
public sealed record SiteChange(IReadOnlySet<string> Tags)
{
    /// Relayed from another node of the site, which has already told the others.
    public bool FromAnotherNode { get; init; }

    /// True when lists, counts or every page changed, not only the pages of single items.
    public bool ChangesLists => Tags.Any(t => t == CacheTags.Site || t.StartsWith("type:", StringComparison.Ordinal));
}
