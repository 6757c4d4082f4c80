using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Content.Themes;

/// Which installed theme draws the public site. A recorded theme BlogSite does not have (an Orchard Core recipe's
/// "TheBlogTheme") leaves the default in place.
public sealed class SiteThemes(DocumentStore documents, FeatureCatalog catalog, FeatureManager features, IMemoryCache cache, SiteChangeFeed changes)
{
    public const string DocumentKey = "Themes";
    public const string DefaultTheme = "BlogSite.Theme";
    private const string CacheKey = "site-theme";

    public IReadOnlyList<FeatureDescriptor> Installed => [.. catalog.All.Where(f => f.IsTheme).OrderBy(f => f.Name, StringComparer.CurrentCulture)];

    public Task<ThemeSelection> SelectionAsync(CancellationToken cancellationToken = default) =>
        documents.GetAsync<ThemeSelection>(DocumentKey, cancellationToken);

    /// The theme drawing the site now.
    public async Task<string> CurrentAsync(CancellationToken cancellationToken = default) =>
        // Keyed by the site's change generation, so a choice made on any node shows on every node's next page.
        (await cache.GetOrCreateAsync(Key(), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            var chosen = (await SelectionAsync(cancellationToken)).Site;
            return chosen is not null && catalog.Find(chosen) is { IsTheme: true } theme ? theme.Id : DefaultTheme;
        }))!;

    /// Records <paramref name="site"/> (and <paramref name="admin"/> when given) and enables the site theme when
    /// BlogSite has it; takes effect on the next page.
    public async Task SelectAsync(string? site, string? admin, CancellationToken cancellationToken = default)
    {
        var selection = await SelectionAsync(cancellationToken);
        if (site is not null)
        {
            selection.Site = site;
            if (catalog.Find(site) is { IsTheme: true })
            {
                await features.EnableAsync([site], cancellationToken);
            }
        }

        selection.Admin = admin ?? selection.Admin;
        // Inside a recipe's transaction the generation moves only at the commit: the choice read before then is dropped.
        var cachedUnder = Key();
        await documents.SaveAsync(DocumentKey, selection, cancellationToken);
        cache.Remove(cachedUnder);
    }

    private string Key() => $"{CacheKey}:{changes.ListGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
