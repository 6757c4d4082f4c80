using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Queries;

/// Which taxonomies a BlogPost's Category and Tags fields use, read from the type definition as Orchard Core does,
/// so a blog imported from another site (with its own ids) is browsable too; and where their own pages are.
public sealed class BlogTaxonomyLocator(ContentDefinitionStore definitions, CmsDbContext db)
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

    /// A taxonomy's own published address, where its page lists every term; null when it has no route.
    public async Task<string?> PageOfAsync(string taxonomyContentItemId, CancellationToken cancellationToken) =>
        await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.ContentItemId == taxonomyContentItemId && r.ContainedContentItemId == null)
            .Select(r => r.Path)
            .FirstOrDefaultAsync(cancellationToken) is { } path ? BlogPostPresenter.Url(path) : null;
}
