namespace BlogSite.Cms.Content.Fields;

public sealed record ContentPickerField(IReadOnlyList<string>? ContentItemIds);
