namespace BlogSite.Cms.Content.Parts;

public sealed record MarkdownBodyPart(string? Markdown);
