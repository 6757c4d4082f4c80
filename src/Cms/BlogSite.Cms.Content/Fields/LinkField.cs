namespace BlogSite.Cms.Content.Fields;

public sealed record LinkField(string? Url, string? Text, string? Target = null);
