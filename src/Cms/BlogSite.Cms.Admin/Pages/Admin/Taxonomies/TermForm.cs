namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// The fields of the add and edit term forms.
public sealed class TermForm
{
    public string? TermId { get; set; }

    public string Name { get; set; } = "";

    public string? Slug { get; set; }

    public string? ParentId { get; set; }
}
