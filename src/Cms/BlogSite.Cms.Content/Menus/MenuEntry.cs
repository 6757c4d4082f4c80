namespace BlogSite.Cms.Content.Menus;

/// One entry of a menu as readers see it: its text, where it leads (null when it leads nowhere safe or known) and its
/// children.
public sealed record MenuEntry(string Text, string? Url, IReadOnlyList<MenuEntry> Children);
