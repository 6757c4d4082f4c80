namespace BlogSite.Cms.Content.Routing;

/// A path and the item that holds it.
public sealed record TakenPath(string Path, string ContentItemId)
{
    public string Message => $"The path '{Path}' is already used by published item '{ContentItemId}'.";
}
