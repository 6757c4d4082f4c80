namespace BlogSite.Cms.Content.Routing;

/// The item a path belongs to; for a term, the taxonomy's id and the term's id.
public sealed record RouteMatch(string ContentItemId, string? ContainedContentItemId);
