namespace BlogSite.Cms.Content.Parts;

public sealed record TermPart(string? TaxonomyContentItemId);
