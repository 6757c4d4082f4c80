namespace BlogSite.Cms.Content.Editing;

/// One input of the editor every type gets: the form key it posts under ("TitlePart.Title", "Event.StartsAt.Value"),
/// its label, kind (text, textarea, markdown, checkbox, number, datetime, url), value as the form shows it, and the
/// definition's hint, required flag and numeric bounds.
public sealed record EditorInput(
    string Key, string Label, string Kind, string? Value, string? Hint = null, bool Required = false, decimal? Minimum = null, decimal? Maximum = null);
