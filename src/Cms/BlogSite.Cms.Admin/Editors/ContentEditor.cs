namespace BlogSite.Cms.Admin.Editors;

/// A module's editor for one content type: the admin links items of that type to it and offers "New …" for it. The
/// editor is a Razor page whose route takes the item's id ("new" for a new item).
public sealed record ContentEditor(string ContentType, string DisplayName, string PageName)
{
    public const string NewId = "new";
}
