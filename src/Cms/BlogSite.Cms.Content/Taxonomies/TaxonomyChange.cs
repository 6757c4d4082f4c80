namespace BlogSite.Cms.Content.Taxonomies;

/// How a change to a taxonomy ended: its message, or the field at fault and why nothing was changed.
public sealed record TaxonomyChange(string? Message, string? Field = null, string? Error = null)
{
    public bool Succeeded => Error is null;
}
