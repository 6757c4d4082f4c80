namespace BlogSite.Cms.Content.Indexes;

/// A path a published item answered before its path changed, so old links keep working (301 to the new path).
public sealed class RouteHistoryIndex
{
    public long Id { get; set; }

    public string Path { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string? ContainedContentItemId { get; set; }

    public DateTime ChangedUtc { get; set; }
}
