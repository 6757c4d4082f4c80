using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Indexes;

/// Keeps the index rows of content versions (routes, taxonomy links, terms, containment) and the index providers in
/// step with their JSON, many versions per statement: saving, publishing and importing all write them this way, so an
/// import that updates 100,000 items costs a few statements per batch, not a dozen per item. Only current and published
/// versions have rows: every reader asks for one of those, and a version another replaced is shown (history, restore)
/// from its JSON. Keeping the replaced ones' rows made each re-import of a site add a full set (797,077 taxonomy rows
/// after one of 100,000 posts), so the tables every page reads grew with each import of the same site.
public sealed class ContentIndexWriter(CmsDbContext db, BulkInserter bulk, IEnumerable<IContentIndexProvider> providers)
{
    private const int ChunkSize = 500;

    /// Rebuilds the rows of versions whose content or flags were saved; <paramref name="fresh"/> versions were
    /// inserted just now (a bulk import) and have no rows to replace.
    public async Task WriteAsync(IReadOnlyList<ContentItem> versions, bool fresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            return;
        }

        if (!fresh)
        {
            foreach (var chunk in versions.Select(v => v.Id).Chunk(ChunkSize))
            {
                await DeleteRowsAsync(chunk, cancellationToken);
            }
        }

        var entries = versions.Where(IsIndexed).Select(ContentIndexer.Build).ToList();
        await bulk.InsertAsync(entries.SelectMany(e => e.Routes).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.TaxonomyLinks).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.Terms).ToList(), readKeysBy: null, cancellationToken);
        await bulk.InsertAsync(entries.SelectMany(e => e.Containment).ToList(), readKeysBy: null, cancellationToken);
        foreach (var provider in providers)
        {
            await provider.IndexAsync(versions, cancellationToken);
        }
    }

    /// Versions of which only the Latest and Published flags changed (those a new version replaces): their rows keep
    /// everything else, so the flags are set in place rather than the rows rebuilt, and a version that is neither
    /// current nor published any more loses its rows.
    public async Task WriteFlagsAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var chunk in versions.Where(v => !IsIndexed(v)).Select(v => v.Id).Chunk(ChunkSize))
        {
            await DeleteRowsAsync(chunk, cancellationToken);
        }

        foreach (var group in versions.Where(IsIndexed).GroupBy(v => (v.Latest, v.Published)))
        {
            var (latest, published) = group.Key;
            foreach (var chunk in group.Select(v => v.Id).Chunk(ChunkSize))
            {
                await db.Routes.Where(x => chunk.Contains(x.DocumentId))
                    .ExecuteUpdateAsync(x => x.SetProperty(r => r.Latest, latest).SetProperty(r => r.Published, published), cancellationToken);
                await db.TaxonomyLinks.Where(x => chunk.Contains(x.DocumentId))
                    .ExecuteUpdateAsync(x => x.SetProperty(r => r.Latest, latest).SetProperty(r => r.Published, published), cancellationToken);
                await db.Terms.Where(x => chunk.Contains(x.DocumentId))
                    .ExecuteUpdateAsync(x => x.SetProperty(r => r.Latest, latest).SetProperty(r => r.Published, published), cancellationToken);
                await db.Containment.Where(x => chunk.Contains(x.DocumentId))
                    .ExecuteUpdateAsync(x => x.SetProperty(r => r.Latest, latest).SetProperty(r => r.Published, published), cancellationToken);
            }
        }

        foreach (var provider in providers)
        {
            await provider.IndexAsync(versions, cancellationToken);
        }
    }

    private static bool IsIndexed(ContentItem version) => version.Latest || version.Published;

    private async Task DeleteRowsAsync(long[] documentIds, CancellationToken cancellationToken)
    {
        await db.Routes.Where(x => documentIds.Contains(x.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.TaxonomyLinks.Where(x => documentIds.Contains(x.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Terms.Where(x => documentIds.Contains(x.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Containment.Where(x => documentIds.Contains(x.DocumentId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// Tells the index providers of versions about to be deleted (the database drops their index rows with them).
    public async Task RemoveAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            await provider.RemoveAsync(versions, cancellationToken);
        }
    }
}
