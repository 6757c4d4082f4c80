using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Queries;

/// The taxonomy pages' reads: the taxonomies with their term counts, how many items use each term, a term's parent.
public sealed class TaxonomyQueries(CmsDbContext db)
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

    /// How many items' latest versions use each term of the taxonomy.
    public async Task<IReadOnlyDictionary<string, int>> ItemCountsAsync(string taxonomyId, CancellationToken cancellationToken) =>
        await db.TaxonomyLinks.AsNoTracking().Where(l => l.TaxonomyContentItemId == taxonomyId && l.Latest)
            .GroupBy(l => l.TermContentItemId).Select(g => new { g.Key, Count = g.Select(l => l.ContentItemId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// The term's parent as stored now (not as cached for the request).
    public Task<string?> ParentOfAsync(string termId, CancellationToken cancellationToken) =>
        db.Terms.AsNoTracking().Where(t => t.TermContentItemId == termId && t.Latest)
            .Select(t => t.ParentTermContentItemId).FirstOrDefaultAsync(cancellationToken);
}
