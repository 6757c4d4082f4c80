namespace BlogSite.Cms.Content.Taxonomies;

/// A taxonomy change that cannot be made; <see cref="Field"/> names the form field it is about.
public sealed class TaxonomyEditException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
