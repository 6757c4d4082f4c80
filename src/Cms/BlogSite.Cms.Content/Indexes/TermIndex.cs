namespace BlogSite.Cms.Content.Indexes;

/// One row per term of a taxonomy version, flattened from the nested terms so term pages and menus are one query.
public sealed class TermIndex
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string TaxonomyContentItemId { get; set; } = "";

    public string TermContentItemId { get; set; } = "";

    public string? ParentTermContentItemId { get; set; }

    public string ContentType { get; set; } = "";

    public string DisplayText { get; set; } = "";

    public string? Path { get; set; }

    public int Level { get; set; }

    public int Order { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
