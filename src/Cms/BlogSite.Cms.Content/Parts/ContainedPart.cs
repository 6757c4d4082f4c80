namespace BlogSite.Cms.Content.Parts;

public sealed record ContainedPart(string? ListContentItemId, int Order = 0);
