namespace BlogSite.Cms.Content.Fields;

public sealed record NumericField(decimal? Value);
