namespace BlogSite.Cms.Content.Menus;

/// A menu item that links to a content item, chosen in its type's "SelectedContentItem" content picker field.
public sealed record ContentMenuItemPart(string? Name);
