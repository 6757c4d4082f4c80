namespace BlogSite.Cms.Content.Search;

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);
