namespace BlogSite.Cms.Content.Indexes;

/// One row per term a content item's taxonomy field points at.
public sealed class TaxonomyIndex
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string ContentPart { get; set; } = "";

    public string ContentField { get; set; } = "";

    public string TaxonomyContentItemId { get; set; } = "";

    public string TermContentItemId { get; set; } = "";

    public bool Published { get; set; }

    public bool Latest { get; set; }

    /// The item's publication time, copied here so a list of one term or container pages through this table's own
    /// index, newest first, without touching the items table.
    public DateTime? PublishedUtc { get; set; }
}
