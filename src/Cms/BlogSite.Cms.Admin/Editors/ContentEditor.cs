namespace BlogSite.Cms.Admin.Editors;

/// A module's editor for one content type: the admin links items of that type to it and offers "New …" for it. The
/// editor is a Razor page whose route takes the item's id ("new" for a new item).
public sealed record ContentEditor(string ContentType, string DisplayName, string PageName)
{
    public const string NewId = "new";

    /// "New …" is offered while this feature (if any) is enabled…
    public string? Feature { get; init; }

    /// …and to users holding this permission (if any).
    public string? Permission { get; init; }
}
