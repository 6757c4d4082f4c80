namespace BlogSite.Cms.Content.Caching;

/// BlogSite:OutputCache: the full-page cache for anonymous readers.
public sealed class PageCacheOptions
{
    public const string Section = "BlogSite:OutputCache";

    /// Off only to measure or debug the uncached site.
    public bool Enabled { get; set; } = true;

    /// How long a page may stay cached with nothing changing; changes evict at once, so this only bounds memory.
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// The most memory cached pages may take.
    public long SizeLimitBytes { get; set; } = 64 * 1024 * 1024;
}
