using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Routing;

/// Autoroute: a request path to the published item (and, for a term, the term) that answers it.
public sealed class RouteResolver(CmsDbContext db, SiteSettingsStore settings)
{
    public async Task<RouteMatch?> ResolveAsync(string? path, CancellationToken cancellationToken = default)
    {
        var normalized = ContentIndexer.NormalizePath(path);
        if (normalized is null)
        {
            var home = (await settings.GetAsync(cancellationToken)).HomeContentItemId;
            return home is null ? null : new RouteMatch(home, null);
        }

        var route = await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.Path == normalized)
            .Select(r => new RouteMatch(r.ContentItemId, r.ContainedContentItemId, null))
            .FirstOrDefaultAsync(cancellationToken);
        return route ?? await MovedAsync(normalized, cancellationToken);
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
        return current is null ? null : new RouteMatch(moved.ContentItemId, moved.ContainedContentItemId, "/" + current);
    }
}
