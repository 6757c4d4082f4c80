using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Menus;

/// A menu's items as Orchard Core stores them: JSON objects in the menu's MenuItemsListPart.MenuItems, each with its
/// children in its own MenuItemsListPart. Finding and walking items; no database here.
public static class MenuTree
{
    private static readonly string ListPart = ContentParts.NameOf<MenuItemsListPart>();

    /// The menu's top-level items, as the live JSON array that edits change in place.
    public static JsonArray Roots(ContentItem menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        return Children(menu.Content);
    }

    /// An item's children (or a menu's items), created empty when it has none yet.
    public static JsonArray Children(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node[ListPart] is not JsonObject list)
        {
            node[ListPart] = list = [];
        }

        if (list["MenuItems"] is not JsonArray items)
        {
            list["MenuItems"] = items = [];
        }

        return items;
    }

    public static string IdOf(JsonObject item) =>
        item["ContentItemId"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : "";

    /// The id of the item <paramref name="item"/> is nested under; null for a top-level item, whose list belongs to
    /// the menu itself (the menu's content holds its parts, not an id).
    public static string? ParentIdOf(JsonObject item) =>
        item?.Parent?.Parent?.Parent is JsonObject holder && IdOf(holder) is { Length: > 0 } id ? id : null;

    public static JsonObject Find(ContentItem menu, string itemId, string field) =>
        All(menu).FirstOrDefault(i => IdOf(i) == itemId)
        ?? throw new ContentEditException(field, $"The menu has no item '{itemId}'.");

    /// Every item of the menu, depth first, in menu order.
    public static IEnumerable<JsonObject> All(ContentItem menu) => Descend(Roots(menu));

    /// The item itself and every item below it.
    public static IEnumerable<JsonObject> Below(JsonObject item) =>
        Descend(item?[ListPart]?["MenuItems"] as JsonArray ?? []).Prepend(item!);

    /// Each item with its depth (0 for top-level items), in menu order.
    public static IEnumerable<(JsonObject Item, int Level)> WithLevels(ContentItem menu) => WithLevels(Roots(menu), 0);

    private static IEnumerable<(JsonObject Item, int Level)> WithLevels(JsonArray items, int level)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            yield return (item, level);
            if (item[ListPart]?["MenuItems"] is JsonArray children)
            {
                foreach (var child in WithLevels(children, level + 1))
                {
                    yield return child;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Descend(JsonArray items) => WithLevels(items, 0).Select(x => x.Item);
}
