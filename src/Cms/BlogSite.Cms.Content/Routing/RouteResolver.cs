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
            .Select(r => new RouteMatch(r.ContentItemId, r.ContainedContentItemId))
            .FirstOrDefaultAsync(cancellationToken);
        return route;
    }
}
