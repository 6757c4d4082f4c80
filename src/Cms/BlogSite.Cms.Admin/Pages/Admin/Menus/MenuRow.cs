using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Pages.Admin.Menus;

/// One menu item as the menu editor lists it: where it sits and what its edit form starts from.
public sealed record MenuRow(string Id, int Level, string? ParentId, string Text, MenuItemKind Kind, string? Url, string? ItemPath, bool NewTab)
{
    /// The menu's items in order; a content item's path comes from <paramref name="paths"/> (empty when it has none).
    public static IReadOnlyList<MenuRow> Of(ContentItem menu, IReadOnlyDictionary<string, string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return [.. MenuTree.WithLevels(menu).Select(x => Of(x.Item, x.Level, paths))];
    }

    private static MenuRow Of(JsonObject item, int level, IReadOnlyDictionary<string, string> paths)
    {
        var parentId = MenuTree.ParentIdOf(item);
        var link = ContentParts.Get<LinkMenuItemPart>(item);
        var selected = MenuReader.SelectedItemOf(item);
        var text = link?.Name ?? ContentParts.Get<ContentMenuItemPart>(item)?.Name ?? item["DisplayText"]?.GetValue<string>() ?? "";
        return link is not null || selected is null
            ? new MenuRow(MenuTree.IdOf(item), level, parentId, text, MenuItemKind.Link, link?.Url, null, link?.Target == "_blank")
            : new MenuRow(MenuTree.IdOf(item), level, parentId, text, MenuItemKind.Content, null, paths.GetValueOrDefault(selected, ""), false);
    }
}
