namespace BlogSite.Cms.Content.Fields;

public sealed record TaxonomyFieldSettings(
    string? TaxonomyContentItemId,
    bool Unique = false,
    bool LeavesOnly = false,
    bool Required = false,
    bool Open = false);
