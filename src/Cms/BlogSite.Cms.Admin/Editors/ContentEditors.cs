using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Cms.Admin.Editors;

/// Where an item is edited: in the editor a module registered for its type (<see cref="AdminModule.AddContentEditor"/>),
/// else in the editor every type gets. Taxonomies have their own page.
public sealed class ContentEditors(IEnumerable<ContentEditor> editors, LinkGenerator links)
{
    private const string GenericEditorPage = "/Admin/Items/Edit";

    private readonly Dictionary<string, ContentEditor> byType = editors.ToDictionary(e => e.ContentType, StringComparer.Ordinal);

    public IReadOnlyCollection<ContentEditor> All => byType.Values;

    public bool IsRegistered(string contentType) => byType.ContainsKey(contentType);

    public string? EditUrl(string contentType, string contentItemId) =>
        contentType == Taxonomy.ContentType ? null
        : byType.TryGetValue(contentType, out var editor) ? PageUrl(editor.PageName, contentItemId, null)
        : PageUrl(GenericEditorPage, contentItemId, null);

    /// Where a new item of the type is written.
    public string NewUrl(string contentType) =>
        byType.TryGetValue(contentType, out var editor)
            ? PageUrl(editor.PageName, ContentEditor.NewId, null)
            : PageUrl(GenericEditorPage, ContentEditor.NewId, contentType);

    private string PageUrl(string page, string contentItemId, string? type) =>
        links.GetPathByPage(page, handler: null, values: new { id = contentItemId, type })
        ?? throw new InvalidOperationException($"The editor page '{page}' has no route.");
}
