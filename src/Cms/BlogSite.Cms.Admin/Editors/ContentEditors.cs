using Microsoft.AspNetCore.Routing;

namespace BlogSite.Cms.Admin.Editors;

/// The editors modules registered with <see cref="AdminModule.AddContentEditor"/>, and the links to them.
public sealed class ContentEditors(IEnumerable<ContentEditor> editors, LinkGenerator links)
{
    private readonly Dictionary<string, ContentEditor> byType = editors.ToDictionary(e => e.ContentType, StringComparer.Ordinal);

    public IReadOnlyCollection<ContentEditor> All => byType.Values;

    public string? EditUrl(string contentType, string contentItemId) =>
        byType.TryGetValue(contentType, out var editor) ? EditUrl(editor, contentItemId) : null;

    public string NewUrl(ContentEditor editor) => EditUrl(editor, ContentEditor.NewId);

    private string EditUrl(ContentEditor editor, string contentItemId) =>
        links.GetPathByPage(editor.PageName, handler: null, values: new { id = contentItemId })
        ?? throw new InvalidOperationException($"The editor page '{editor.PageName}' of {editor.ContentType} has no route.");
}
