namespace BlogSite.Cms.Content.Routing;

/// The item a path belongs to; for a term, the taxonomy's id and the term's id. <see cref="RedirectTo"/> is set when
/// the path is an old one and the item now lives elsewhere.
public sealed record RouteMatch(string ContentItemId, string? ContainedContentItemId, string? RedirectTo = null);
