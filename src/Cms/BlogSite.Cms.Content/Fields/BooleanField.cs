namespace BlogSite.Cms.Content.Fields;

public sealed record BooleanField(bool? Value);
