using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Menus;

/// Reads a menu's nested items (Orchard Core's LinkMenuItem and ContentMenuItem, any depth) into entries. Link URLs
/// are kept only when they lead within the site or to a web or mail address, so an imported menu cannot carry a
/// script link.
public static class MenuReader
{
    private const int MaxDepth = 8;
    private const string ContentMenuItemType = "ContentMenuItem";

    public static IReadOnlyList<MenuEntry> Entries(JsonArray? items, Func<string, string?> urlOfItem, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(urlOfItem);
        if (items is null || depth >= MaxDepth)
        {
            return [];
        }

        var entries = new List<MenuEntry>();
        foreach (var item in items.OfType<JsonObject>())
        {
            var link = ContentParts.Get<LinkMenuItemPart>(item);
            var content = ContentParts.Get<ContentMenuItemPart>(item);
            var text = link?.Name ?? content?.Name ?? (item["DisplayText"] is JsonValue shown && shown.TryGetValue<string>(out var name) ? name : "");
            var url = link is not null ? SafeLink.Of(link.Url)
                : SelectedItemOf(item) is { } selected ? urlOfItem(selected)
                : null;
            var children = Entries(ContentParts.Get<MenuItemsListPart>(item)?.MenuItems, urlOfItem, depth + 1);
            if (text.Length > 0 || children.Count > 0)
            {
                entries.Add(new MenuEntry(text, url, children));
            }
        }

        return entries;
    }

    /// The ids of the content items that the menu's content menu items point at, at any depth.
    public static IEnumerable<string> SelectedItems(JsonArray? items, int depth = 0)
    {
        if (items is null || depth >= MaxDepth)
        {
            yield break;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            if (SelectedItemOf(item) is { } selected)
            {
                yield return selected;
            }

            foreach (var child in SelectedItems(ContentParts.Get<MenuItemsListPart>(item)?.MenuItems, depth + 1))
            {
                yield return child;
            }
        }
    }

    /// The id of the item a content menu item leads to, or null for any other item.
    public static string? SelectedItemOf(JsonObject item) =>
        item["ContentType"]?.GetValue<string>() == ContentMenuItemType
        && item[ContentMenuItemType]?["SelectedContentItem"]?["ContentItemIds"] is JsonArray { Count: > 0 } ids
        && ids[0] is JsonValue id && id.TryGetValue<string>(out var selected)
            ? selected
            : null;
}
