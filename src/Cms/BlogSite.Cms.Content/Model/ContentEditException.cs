namespace BlogSite.Cms.Content.Model;

/// A change to an item's structure (a taxonomy's terms, a menu's items) that cannot be made; <see cref="Field"/>
/// names the form field it is about.
public sealed class ContentEditException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
