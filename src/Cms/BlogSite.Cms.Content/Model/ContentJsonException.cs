namespace BlogSite.Cms.Content.Model;

/// Content JSON that cannot be read; <see cref="Property"/> is the JSON path relative to the item.
public sealed class ContentJsonException(string property, string message) : Exception(message)
{
    public string Property { get; } = property;
}
