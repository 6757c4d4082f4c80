namespace BlogSite.Cms.Content.Fields;

/// Orchard Core's content picker settings: which types' items may be picked, and whether several may.
public sealed record ContentPickerFieldSettings(
    bool Required = false, bool Multiple = false, bool DisplayAllContentTypes = false, IReadOnlyList<string>? DisplayedContentTypes = null);
