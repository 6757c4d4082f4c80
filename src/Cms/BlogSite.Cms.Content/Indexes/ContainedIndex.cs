namespace BlogSite.Cms.Content.Indexes;

public sealed class ContainedIndex
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ListContentItemId { get; set; } = "";

    public int Order { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    /// The item's publication time, copied here so a list of one term or container pages through this table's own
    /// index, newest first, without touching the items table.
    public DateTime? PublishedUtc { get; set; }
}
