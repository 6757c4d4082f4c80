namespace BlogSite.Cms.Content.Fields;

public sealed record MediaFieldSettings(bool? Multiple = null);
