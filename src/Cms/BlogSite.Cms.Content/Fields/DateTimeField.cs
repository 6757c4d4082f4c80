namespace BlogSite.Cms.Content.Fields;

public sealed record DateTimeField(DateTime? Value);
