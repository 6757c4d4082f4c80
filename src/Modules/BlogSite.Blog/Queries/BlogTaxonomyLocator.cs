using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;

namespace BlogSite.Blog.Queries;

/// Which taxonomies a BlogPost's Category and Tags fields use, read from the type definition as Orchard Core does,
/// so a blog imported from another site (with its own ids) is browsable too.
public sealed class BlogTaxonomyLocator(ContentDefinitionStore definitions)
{
    public async Task<(string Categories, string Tags)> GetAsync(CancellationToken cancellationToken)
    {
        var part = (await definitions.GetAsync(cancellationToken)).Part(BlogContentDefinitions.BlogPost);
        string TaxonomyOf(string field, string fallback) =>
            part?.ContentPartFieldDefinitionRecords.Find(f => f.Name == field)?.SettingsOf<TaxonomyFieldSettings>()?.TaxonomyContentItemId
            ?? fallback;

        return (TaxonomyOf(nameof(Parts.BlogPost.Category), BlogTaxonomies.CategoriesContentItemId),
            TaxonomyOf(nameof(Parts.BlogPost.Tags), BlogTaxonomies.TagsContentItemId));
    }
}
