namespace BlogSite.Blog.Queries;

/// One address of the sitemap; <see cref="ContentItemId"/> is set for an item's own page, not for a term's.
public sealed record SitemapEntry(string Path, string? ContentItemId, DateTime? ChangedUtc);
