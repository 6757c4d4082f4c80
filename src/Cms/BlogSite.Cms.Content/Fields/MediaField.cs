namespace BlogSite.Cms.Content.Fields;

public sealed record MediaField(IReadOnlyList<string>? Paths, IReadOnlyList<string>? MediaTexts = null);
