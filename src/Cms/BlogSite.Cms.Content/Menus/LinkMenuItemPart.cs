namespace BlogSite.Cms.Content.Menus;

/// A menu item that links to a URL; "~/" means the site's root.
public sealed record LinkMenuItemPart(string? Name, string? Url, string? Target = null);
