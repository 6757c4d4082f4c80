namespace BlogSite.Cms.Content.Indexes;

public sealed record ContentIndexEntries(
    IReadOnlyList<RouteIndex> Routes,
    IReadOnlyList<TaxonomyIndex> TaxonomyLinks,
    IReadOnlyList<TermIndex> Terms,
    IReadOnlyList<ContainedIndex> Containment);
