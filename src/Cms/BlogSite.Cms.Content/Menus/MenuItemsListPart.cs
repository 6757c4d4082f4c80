using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Menus;

/// A menu's items, or a menu item's children: nested items, as Orchard Core stores them inside the menu.
public sealed record MenuItemsListPart(JsonArray? MenuItems);
