using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Routing;

/// Autoroute: a request path to the published item (and, for a term, the term) that answers it. Answers are kept per
/// change generation, so a page view after the first costs no route query until something is published or moved.
public sealed class RouteResolver(CmsDbContext db, SiteSettingsStore settings, GenerationalCache<string, RouteMatch> known, SiteChangeFeed feed)
{
    public const int Capacity = 10_000;

    /// The longest path whose answer is kept between requests; longer ones are looked up each time.
    public const int MaxKeptPathLength = 512;

    public async Task<RouteMatch?> ResolveAsync(string? path, CancellationToken cancellationToken = default)
    {
        var normalized = ContentIndexer.NormalizePath(path);
        if (normalized is null)
        {
            var home = (await settings.GetAsync(cancellationToken)).HomeContentItemId;
            return home is null ? null : new RouteMatch(home, null);
        }

        // Only paths that answer, and of a sane length, are kept: a client inventing paths must not fill the cache.
        var shared = normalized.Length <= MaxKeptPathLength && ListFacts.MayShareCopies(db);
        var generation = feed.Generation;
        if (shared && known.TryGet(normalized, generation, out var kept))
        {
            return kept;
        }

        var route = await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.Path == normalized)
            .Select(r => new RouteMatch(r.ContentItemId, r.ContainedContentItemId, null))
            .FirstOrDefaultAsync(cancellationToken);
        var match = route ?? await MovedAsync(normalized, cancellationToken);
        if (shared && match is not null)
        {
            known.Set(normalized, generation, match);
        }

        return match;
    }

    private async Task<RouteMatch?> MovedAsync(string path, CancellationToken cancellationToken)
    {
        var moved = await db.RouteHistory.AsNoTracking().FirstOrDefaultAsync(h => h.Path == path, cancellationToken);
        if (moved is null)
        {
            return null;
        }

        var current = await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.ContentItemId == moved.ContentItemId && r.ContainedContentItemId == moved.ContainedContentItemId)
            .Select(r => r.Path)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null && moved.ContainedContentItemId is not null)
        {
            // What was inside the item is gone (a deleted term): its old address leads to the item's own page.
            current = await db.Routes.AsNoTracking()
                .Where(r => r.Published && r.ContentItemId == moved.ContentItemId && r.ContainedContentItemId == null)
                .Select(r => r.Path)
                .FirstOrDefaultAsync(cancellationToken);
            return current is null ? null : new RouteMatch(moved.ContentItemId, null, "/" + current);
        }

        return current is null ? null : new RouteMatch(moved.ContentItemId, moved.ContainedContentItemId, "/" + current);
    }
}
