using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Queries;

/// The taxonomy pages' reads: the taxonomies with their term counts, how many items use each term, a term's parent.
public sealed class TaxonomyQueries(CmsDbContext db, ContentDefinitionStore definitions)
{
    public async Task<IReadOnlyList<TaxonomySummary>> ListAsync(CancellationToken cancellationToken)
    {
        var taxonomies = await db.ContentItems.AsNoTracking().Where(x => x.Latest && x.ContentType == Taxonomy.ContentType)
            .OrderBy(x => x.DisplayText).Select(x => new { x.ContentItemId, x.DisplayText, x.Id }).ToListAsync(cancellationToken);
        var ids = taxonomies.Select(t => t.Id).ToList();
        var counts = await db.Terms.Where(t => ids.Contains(t.DocumentId)).GroupBy(t => t.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. taxonomies.Select(t => new TaxonomySummary(t.ContentItemId, t.DisplayText, counts.GetValueOrDefault(t.Id)))];
    }

    /// How many published items each term of the taxonomy has, counted as the site counts them: a term's own items and
    /// its descendants' (a parent category's page lists its children's posts too).
    public async Task<IReadOnlyDictionary<string, int>> PublishedCountsAsync(string taxonomyId, IReadOnlyList<TermIndex> tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var own = await db.TaxonomyLinks.AsNoTracking().Where(l => l.TaxonomyContentItemId == taxonomyId && l.Published)
            .GroupBy(l => l.TermContentItemId).Select(g => new { g.Key, Count = g.Select(l => l.ContentItemId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var children = tree.ToLookup(t => t.ParentTermContentItemId ?? "", t => t.TermContentItemId);
        int Family(string id) => own.GetValueOrDefault(id) + children[id].Sum(Family);
        return tree.ToDictionary(t => t.TermContentItemId, t => Family(t.TermContentItemId), StringComparer.Ordinal);
    }

    /// A taxonomy of tags (a field lets writers add its terms freely, as Orchard Core's tag editor does): a flat list,
    /// in name order, without the controls that only mean something for a tree.
    public async Task<bool> IsTagsAsync(string taxonomyId, CancellationToken cancellationToken) =>
        (await definitions.GetAsync(cancellationToken)).TaxonomyFieldsChoosingFrom(taxonomyId).Any(f => f.Settings.Open);

    /// The term's parent as stored now (not as cached for the request).
    public Task<string?> ParentOfAsync(string termId, CancellationToken cancellationToken) =>
        db.Terms.AsNoTracking().Where(t => t.TermContentItemId == termId && t.Latest)
            .Select(t => t.ParentTermContentItemId).FirstOrDefaultAsync(cancellationToken);
}
