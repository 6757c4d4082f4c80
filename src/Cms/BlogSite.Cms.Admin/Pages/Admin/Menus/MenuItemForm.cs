using BlogSite.Cms.Content.Menus;

namespace BlogSite.Cms.Admin.Pages.Admin.Menus;

/// The fields of the add and edit menu item forms.
public sealed class MenuItemForm
{
    public string? ItemId { get; set; }

    public string Text { get; set; } = "";

    public MenuItemKind Kind { get; set; }

    public string? Url { get; set; }

    public string? ItemPath { get; set; }

    public bool NewTab { get; set; }

    public string? ParentId { get; set; }

    public MenuItemInput ToInput() => new(Text, Kind, Url, ItemPath, NewTab);
}
