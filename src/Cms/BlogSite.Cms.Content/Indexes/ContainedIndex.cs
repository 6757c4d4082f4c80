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
}
