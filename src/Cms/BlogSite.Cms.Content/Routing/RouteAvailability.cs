using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Routing;

/// Whether paths are free: the one check behind the editor's slug field, publishing and imports. A path is unique
/// among published items; the editor also keeps drafts from claiming a path another draft holds.
public sealed class RouteAvailability(CmsDbContext db)
{
    private const int ChunkSize = 500;

    /// One of <paramref name="paths"/> (the least, in ordinal order) that an item other than
    /// <paramref name="exceptContentItemId"/> holds, with that item's id; null when all are free.
    public async Task<TakenPath?> FindTakenAsync(
        IReadOnlyCollection<string> paths, string? exceptContentItemId, bool includeDrafts, CancellationToken cancellationToken = default) =>
        (await HoldersAsync(paths, exceptContentItemId, includeDrafts, cancellationToken)).MinBy(t => t.Path, StringComparer.Ordinal);

    /// Every published holder of any of <paramref name="paths"/>.
    public Task<List<TakenPath>> FindHoldersAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default) =>
        HoldersAsync(paths, exceptContentItemId: null, includeDrafts: false, cancellationToken);

    /// All holders, never just the first: under LIMIT 1 the plan PostgreSQL reuses reads the whole route table hoping for
    /// an early match, which a free path (the usual answer) never gives; an import of 100,000 new posts spent 90 of its
    /// 225 s in those scans. Without the limit the plan looks each path up in the path index.
    private async Task<List<TakenPath>> HoldersAsync(
        IReadOnlyCollection<string> paths, string? exceptContentItemId, bool includeDrafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var holders = new List<TakenPath>();
        foreach (var chunk in paths.Chunk(ChunkSize))
        {
            holders.AddRange(await db.Routes.AsNoTracking()
                .Where(r => (r.Published || (includeDrafts && r.Latest)) && chunk.Contains(r.Path) && r.ContentItemId != exceptContentItemId)
                .Select(r => new TakenPath(r.Path, r.ContentItemId))
                .ToListAsync(cancellationToken));
        }

        return holders;
    }
}
