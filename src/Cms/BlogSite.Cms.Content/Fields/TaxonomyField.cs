namespace BlogSite.Cms.Content.Fields;

public sealed record TaxonomyField(
    string? TaxonomyContentItemId,
    IReadOnlyList<string>? TermContentItemIds,
    IReadOnlyList<string>? TagNames = null);
