namespace BlogSite.Cms.Content.Menus;

/// What an editor types for a menu item: its text and either a URL (a link item) or the site path of the item it
/// leads to (a content item, which keeps leading there when the item's path changes).
public sealed record MenuItemInput(string Text, MenuItemKind Kind, string? Url, string? ItemPath, bool NewTab = false);

public enum MenuItemKind
{
    Link,
    Content,
}
