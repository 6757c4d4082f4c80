namespace BlogSite.Cms.Content.Fields;

/// Orchard Core's content picker: the ids of the chosen items.
public sealed record ContentPickerField(IReadOnlyList<string>? ContentItemIds);
