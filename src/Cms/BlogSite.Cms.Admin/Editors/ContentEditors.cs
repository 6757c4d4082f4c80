namespace BlogSite.Cms.Admin.Editors;

/// The editors modules registered with <see cref="AdminModule.AddContentEditor"/>.
public sealed class ContentEditors(IEnumerable<ContentEditor> editors)
{
    private readonly Dictionary<string, ContentEditor> byType = editors.ToDictionary(e => e.ContentType, StringComparer.Ordinal);

    public IReadOnlyCollection<ContentEditor> All => byType.Values;

    public string? EditUrl(string contentType, string contentItemId) =>
        byType.TryGetValue(contentType, out var editor) ? editor.EditUrl(contentItemId) : null;
}
