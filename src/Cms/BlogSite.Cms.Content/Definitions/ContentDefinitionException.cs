namespace BlogSite.Cms.Content.Definitions;

/// A definition change that cannot be made, with the form field it is about.
public sealed class ContentDefinitionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
