namespace BlogSite.Cms.Content.Fields;

public sealed record MarkdownField(string? Markdown);
