namespace BlogSite.Cms.Content.Fields;

public sealed record TextField(string? Text);
