using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Taxonomies;

/// The published terms of every taxonomy: sites have hundreds of terms, not millions. Read once per change to lists or
/// the site (<see cref="ListFacts"/>), or once per request while a transaction may be changing them.
public sealed class TermCatalog(CmsDbContext db, ListFacts facts)
{
    private IReadOnlyDictionary<string, TermIndex>? terms;

    public async Task<TermIndex?> FindAsync(string termContentItemId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).GetValueOrDefault(termContentItemId);

    /// The term and every term below it, for parent categories that list their children's posts.
    public async Task<IReadOnlyList<string>> SelfAndDescendantsAsync(string termContentItemId, CancellationToken cancellationToken = default)
    {
        var all = await LoadAsync(cancellationToken);
        var result = new List<string> { termContentItemId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Values.Where(t => t.ParentTermContentItemId == result[i]).Select(t => t.TermContentItemId));
        }

        return result;
    }

    /// A taxonomy's terms in tree order: each parent followed by its children, siblings in their recipe order.
    public async Task<IReadOnlyList<TermIndex>> TreeAsync(string taxonomyContentItemId, CancellationToken cancellationToken = default)
    {
        // Children grouped once: looking them up per term made a tree of 3,000 terms cost nine million comparisons.
        var children = (await LoadAsync(cancellationToken)).Values.Where(t => t.TaxonomyContentItemId == taxonomyContentItemId)
            .ToLookup(t => t.ParentTermContentItemId ?? "", StringComparer.Ordinal);
        var ordered = new List<TermIndex>();
        void Add(string? parent)
        {
            foreach (var term in children[parent ?? ""].OrderBy(t => t.Order))
            {
                ordered.Add(term);
                Add(term.TermContentItemId);
            }
        }

        Add(null);
        return ordered;
    }

    /// From the root down to the term itself.
    public async Task<IReadOnlyList<TermIndex>> AncestryAsync(string termContentItemId, CancellationToken cancellationToken = default)
    {
        var all = await LoadAsync(cancellationToken);
        var chain = new List<TermIndex>();
        for (var term = all.GetValueOrDefault(termContentItemId); term is not null && chain.Count < 32;
             term = term.ParentTermContentItemId is { } parent ? all.GetValueOrDefault(parent) : null)
        {
            chain.Insert(0, term);
        }

        return chain;
    }

    private async Task<IReadOnlyDictionary<string, TermIndex>> LoadAsync(CancellationToken cancellationToken) =>
        terms ??= ListFacts.MayShareCopies(db)
            ? await facts.GetAsync("terms", () => ReadAsync(CancellationToken.None))
            : await ReadAsync(cancellationToken);

    private async Task<IReadOnlyDictionary<string, TermIndex>> ReadAsync(CancellationToken cancellationToken) =>
        (await db.Terms.AsNoTracking().Where(t => t.Published).ToListAsync(cancellationToken))
            .GroupBy(t => t.TermContentItemId)
            .ToDictionary(g => g.Key, g => g.First());
}
