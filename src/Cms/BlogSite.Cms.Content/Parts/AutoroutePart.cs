namespace BlogSite.Cms.Content.Parts;

/// The item's public path, without a leading slash. A taxonomy that routes its contained items gives each term
/// the path "{taxonomy path}/{term path}".
public sealed record AutoroutePart(string? Path, bool SetHomepage = false, bool RouteContainedItems = false);
