namespace BlogSite.Cms.Content.Menus;

/// Marks an item as a menu.
public sealed record MenuPart;
