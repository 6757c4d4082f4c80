using System.Diagnostics.CodeAnalysis;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Taxonomies;

/// Orchard Core's taxonomy type: its items hold a term tree in their TaxonomyPart. Being of this type is what makes
/// an item a taxonomy, in queries and in code alike.
public static class Taxonomy
{
    public const string ContentType = "Taxonomy";

    public static bool Is([NotNullWhen(true)] ContentItem? item) => item?.ContentType == ContentType;
}
