namespace BlogSite.Cms.Content.Parts;

public sealed record HtmlBodyPart(string? Html);
