namespace BlogSite.Cms.Content.Editing;

/// One input of the editor every type gets: the form key it posts under ("TitlePart.Title", "Event.StartsAt.Value"),
/// its label, kind (text, textarea, markdown, checkbox, number, datetime, url, choice, or constant: not shown, always
/// written), value as the form shows it, and the definition's hint, required flag, numeric bounds and choices.
public sealed record EditorInput(
    string Key, string Label, string Kind, string? Value, string? Hint = null, bool Required = false, decimal? Minimum = null, decimal? Maximum = null)
{
    /// What a choice input offers; its value holds the chosen values one per line.
    public IReadOnlyList<EditorChoice> Choices { get; init; } = [];

    /// Whether a choice input takes several values.
    public bool Multiple { get; init; }
}
