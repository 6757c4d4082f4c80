namespace BlogSite.Cms.Admin.Editors;

/// A module's editor for one content type: the admin links items of that type to it and offers "New …" for it.
public sealed record ContentEditor(string ContentType, string DisplayName, string UrlPattern)
{
    public string EditUrl(string contentItemId) => UrlPattern.Replace("{id}", Uri.EscapeDataString(contentItemId), StringComparison.Ordinal);

    public string NewUrl => EditUrl("new");
}
