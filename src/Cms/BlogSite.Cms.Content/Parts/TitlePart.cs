namespace BlogSite.Cms.Content.Parts;

public sealed record TitlePart(string? Title);
