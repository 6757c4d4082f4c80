using System.Globalization;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Model;

/// What keeps an item in place: being the site's home page, holding other items (a blog), having terms items are
/// filed under or fields that choose from it (a taxonomy), being the main menu. Unpublishing or deleting such an item
/// would break pages, so the admin refuses while anything depends on it and says what does.
public sealed class ContentDependents(CmsDbContext db, SiteSettingsStore settings, ContentDefinitionStore definitions)
{
    private static readonly string ListPartName = ContentParts.NameOf<ListPart>();
    private static readonly string TaxonomyPartName = ContentParts.NameOf<TaxonomyPart>();

    /// Items the site's structure is made of: containers, taxonomies, menus and the home page. Bulk actions do not
    /// offer them; they are unpublished or deleted one at a time, from their own page, once nothing depends on them.
    public async Task<Func<ContentItem, bool>> StructuralTestAsync(CancellationToken cancellationToken = default)
    {
        var home = (await settings.GetAsync(cancellationToken)).HomeContentItemId;
        var types = (await definitions.GetAsync(cancellationToken)).ContentTypes
            .Where(t => t.HasPart(ListPartName) || t.HasPart(TaxonomyPartName) || t.Name == MenuDefinitions.Menu)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        return item => item.ContentItemId == home || types.Contains(item.ContentType);
    }

    /// Why <paramref name="item"/> must stay published and stored, each reason a phrase ("it is the site's home page");
    /// empty when nothing depends on it.
    public async Task<IReadOnlyList<string>> OfAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = item.ContentItemId;
        var reasons = new List<string>();
        if ((await settings.GetAsync(cancellationToken)).HomeContentItemId == id)
        {
            reasons.Add("it is the site's home page");
        }

        // Only what readers see or editors work on counts, not versions long replaced.
        var held = await db.Containment.AsNoTracking().Where(c => c.ListContentItemId == id && (c.Latest || c.Published)).Select(c => c.ContentItemId).Distinct().CountAsync(cancellationToken);
        if (held > 0)
        {
            reasons.Add($"it holds {Count(held, "item")}");
        }

        var document = await definitions.GetAsync(cancellationToken);
        foreach (var (part, field, _) in document.TaxonomyFieldsChoosingFrom(id))
        {
            reasons.Add($"the {document.Type(part.Name)?.DisplayName ?? part.Name} type's {field.DisplayName} field chooses from it");
        }

        var filed = await db.TaxonomyLinks.AsNoTracking().Where(l => l.TaxonomyContentItemId == id && (l.Latest || l.Published)).Select(l => l.ContentItemId).Distinct().CountAsync(cancellationToken);
        if (filed > 0)
        {
            reasons.Add($"{Count(filed, "item")} {(filed == 1 ? "is" : "are")} filed under its terms");
        }

        if (item.ContentType == MenuDefinitions.Menu && await IsMainMenuAsync(item, cancellationToken))
        {
            reasons.Add("the theme draws it as the main menu");
        }

        return reasons;
    }

    /// "'Latest posts' cannot be deleted: it is the site's home page and it holds 18 items." — or null when nothing
    /// depends on the item.
    public async Task<string?> RefusalAsync(ContentItem item, string action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reasons = await OfAsync(item, cancellationToken);
        return reasons.Count == 0 ? null : $"'{item.DisplayText}' cannot be {action}: {Join(reasons)}.";
    }

    private async Task<bool> IsMainMenuAsync(ContentItem menu, CancellationToken cancellationToken)
    {
        if (menu.As<AliasPart>()?.Alias == MenuQueries.MainMenuAlias)
        {
            return true;
        }

        // With no menu aliased "main-menu", the theme draws the oldest one.
        var menus = await db.ContentItems.AsNoTracking().Where(x => x.ContentType == MenuDefinitions.Menu && x.Latest).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        return !menus.Exists(m => m.As<AliasPart>()?.Alias == MenuQueries.MainMenuAlias) && menus.FirstOrDefault()?.ContentItemId == menu.ContentItemId;
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static string Join(IReadOnlyList<string> reasons) =>
        reasons.Count == 1 ? reasons[0] : $"{string.Join(", ", reasons.Take(reasons.Count - 1))} and {reasons[^1]}";
}
