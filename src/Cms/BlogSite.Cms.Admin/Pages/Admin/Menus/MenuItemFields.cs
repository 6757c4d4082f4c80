using BlogSite.Cms.Content.Menus;

namespace BlogSite.Cms.Admin.Pages.Admin.Menus;

/// What the shared item fields draw: the form they belong to ("add" or an item id), the item they start from (null
/// for a new item) and the page, for posted values, errors and the choices of parent and path.
public sealed record MenuItemFields(string Form, MenuRow? Row, EditMenuModel Page)
{
    private bool Failed => Page.FailedForm == Form;

    public string Text => Failed ? Page.Input.Text : Row?.Text ?? "";

    public MenuItemKind Kind => Failed ? Page.Input.Kind : Row?.Kind ?? MenuItemKind.Content;

    public string Url => (Failed ? Page.Input.Url : Row?.Url) ?? "";

    public string ItemPath => (Failed ? Page.Input.ItemPath : Row?.ItemPath) ?? "";

    public bool NewTab => Failed ? Page.Input.NewTab : Row?.NewTab ?? false;

    public string? ParentId => Failed ? Page.Input.ParentId : Row?.ParentId;

    /// The items this one may be placed under: any but itself and the items below it.
    public IEnumerable<MenuRow> Parents
    {
        get
        {
            if (Row is null)
            {
                return Page.Rows;
            }

            var index = Page.Rows.ToList().IndexOf(Row);
            var below = Page.Rows.Skip(index + 1).TakeWhile(r => r.Level > Row.Level).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            return Page.Rows.Where(r => r.Id != Row.Id && !below.Contains(r.Id));
        }
    }

    public string? ErrorFor(string field) => Page.ErrorFor(Form, field);
}
