using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Routing;

/// Paths a published item gives up are remembered, so old links answer with a redirect; a path that is live again is
/// forgotten. A path of something inside the item that is gone altogether (a deleted term) is remembered too: it leads
/// to the item's own page, or to where <see cref="ContentStore.RedirectGoneAsync"/> sent it (a merged term).
public sealed class RouteHistoryKeeper(CmsDbContext db)
{
    private const int ChunkSize = 500;

    /// Records what changes of live versions do to addresses: each change is an item's published version before
    /// (null when it had none) and the version taking its place, as it is about to be saved. The new history rows are
    /// added to the context; the caller's save writes them.
    public async Task RememberAsync(IReadOnlyList<(ContentItem? Before, ContentItem After)> changes, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Each live version's routes are worked out once: a re-import moves 100,000 items through here.
        var moves = changes.Select(c => (Before: LiveRoutes(c.Before), After: LiveRoutes(c.After))).ToList();
        var live = moves.SelectMany(m => m.After ?? []).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in live.Chunk(ChunkSize))
        {
            await db.RouteHistory.Where(h => chunk.Contains(h.Path)).ExecuteDeleteAsync(cancellationToken);
        }

        var given = moves.SelectMany(m => GivenUp(m.Before, m.After, now))
            .Where(h => !live.Contains(h.Path))
            .DistinctBy(h => h.Path, StringComparer.Ordinal)
            .ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in given.Select(h => h.Path).Chunk(ChunkSize))
        {
            known.UnionWith(await db.RouteHistory.Where(h => chunk.Contains(h.Path)).Select(h => h.Path).ToListAsync(cancellationToken));
        }

        db.RouteHistory.AddRange(given.Where(h => !known.Contains(h.Path)));
    }

    /// The routes of a published version; null for none or a version that is not live.
    private static IReadOnlyList<RouteIndex>? LiveRoutes(ContentItem? version) =>
        version is { Published: true } ? ContentIndexer.Build(version).Routes : null;

    private static IEnumerable<RouteHistoryIndex> GivenUp(IReadOnlyList<RouteIndex>? oldRoutes, IReadOnlyList<RouteIndex>? newRoutes, DateTime now)
    {
        if (oldRoutes is null || newRoutes is null)
        {
            yield break;
        }

        foreach (var old in oldRoutes.Where(r => !newRoutes.Any(n => n.Path == r.Path)))
        {
            var stillRouted = newRoutes.Any(r => r.ContainedContentItemId == old.ContainedContentItemId);
            var gone = !stillRouted && old.ContainedContentItemId is not null;
            if (stillRouted || gone)
            {
                yield return new RouteHistoryIndex
                {
                    Path = old.Path, ContentItemId = old.ContentItemId, ContainedContentItemId = old.ContainedContentItemId, ChangedUtc = now,
                };
            }
        }
    }
}
