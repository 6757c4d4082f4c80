namespace BlogSite.Cms.Content.Fields;

public sealed record HtmlField(string? Html);
