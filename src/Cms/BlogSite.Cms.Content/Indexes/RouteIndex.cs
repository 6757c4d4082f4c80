namespace BlogSite.Cms.Content.Indexes;

/// Path → item. A term's route points at its taxonomy and names the term in <see cref="ContainedContentItemId"/>.
public sealed class RouteIndex
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string Path { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string? ContainedContentItemId { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
