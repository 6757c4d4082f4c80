using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Menus;

/// The items a content menu item can lead to, named by their site path: editors type or pick "/about", the menu stores
/// the item's id, so the link follows the item when its path changes.
public sealed class MenuTargets(CmsDbContext db, SiteSettingsStore settings)
{
    /// How many paths the editor suggests; any other published path can still be typed.
    public const int SuggestionLimit = 200;

    /// The published item at <paramref name="path"/> ("/" is the home page), or null when no item answers there.
    public async Task<string?> ItemAtAsync(string? path, CancellationToken cancellationToken = default)
    {
        var normalized = ContentIndexer.NormalizePath(path);
        if (normalized is null)
        {
            return (await settings.GetAsync(cancellationToken)).HomeContentItemId;
        }

        return await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.ContainedContentItemId == null && r.Path == normalized)
            .Select(r => r.ContentItemId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// The site path of each of <paramref name="itemIds"/> that is published and routable.
    public async Task<IReadOnlyDictionary<string, string>> PathsAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default)
    {
        var rows = await db.Routes.AsNoTracking()
            .Where(r => r.Published && r.ContainedContentItemId == null && itemIds.Contains(r.ContentItemId))
            .Select(r => new { r.ContentItemId, r.Path })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ContentItemId).ToDictionary(g => g.Key, g => "/" + g.First().Path, StringComparer.Ordinal);
    }

    /// Paths worth offering first: the items that are not entries of a list (pages, the blog, not each post).
    public Task<List<string>> SuggestionsAsync(CancellationToken cancellationToken = default) =>
        db.Routes.AsNoTracking()
            .Where(r => r.Published && r.ContainedContentItemId == null
                && !db.Containment.Any(c => c.Published && c.ContentItemId == r.ContentItemId))
            .OrderBy(r => r.Path)
            .Select(r => "/" + r.Path)
            .Take(SuggestionLimit)
            .ToListAsync(cancellationToken);
}
