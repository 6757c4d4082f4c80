using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Menus;

/// The menus readers see. The main menu is read once per change to lists or the site (<see cref="ListFacts"/>) and
/// tags each page it is drawn on with the items it links to, whose paths it shows.
public sealed class MenuQueries(CmsDbContext db, SiteSettingsStore settings, ListFacts facts, PageCacheEntry cache)
{
    /// Orchard Core's handle for the menu a theme draws in its header.
    public const string MainMenuAlias = "main-menu";

    /// The main menu: the published menu with the alias "main-menu", else the oldest menu; empty when there is none.
    public async Task<IReadOnlyList<MenuEntry>> MainMenuAsync(CancellationToken cancellationToken = default)
    {
        var (entries, linked) = ListFacts.MayShareCopies(db)
            ? await facts.GetAsync("main-menu", () => ReadMainMenuAsync(CancellationToken.None))
            : await ReadMainMenuAsync(cancellationToken);
        foreach (var id in linked)
        {
            cache.ShowsItem(id);
        }

        return entries;
    }

    private async Task<(IReadOnlyList<MenuEntry> Entries, IReadOnlyList<string> Linked)> ReadMainMenuAsync(CancellationToken cancellationToken)
    {
        var menus = await db.ContentItems.AsNoTracking()
            .Where(x => x.Published && x.ContentType == MenuDefinitions.Menu)
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);
        if ((menus.Find(m => m.As<AliasPart>()?.Alias == MainMenuAlias) ?? menus.FirstOrDefault()) is not { } menu)
        {
            return ([], []);
        }

        var items = menu.As<MenuItemsListPart>()?.MenuItems;
        var selected = MenuReader.SelectedItems(items).Distinct(StringComparer.Ordinal).ToList();
        var paths = (await db.Routes.AsNoTracking()
                .Where(r => r.Published && r.ContainedContentItemId == null && selected.Contains(r.ContentItemId))
                .Select(r => new { r.ContentItemId, r.Path })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ContentItemId)
            .ToDictionary(g => g.Key, g => "/" + g.First().Path, StringComparer.Ordinal);
        var home = (await settings.GetAsync(cancellationToken)).HomeContentItemId;
        return (MenuReader.Entries(items, id => id == home ? "/" : paths.GetValueOrDefault(id)), selected);
    }
}
