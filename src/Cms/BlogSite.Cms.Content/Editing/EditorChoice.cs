namespace BlogSite.Cms.Content.Editing;

/// One option of a choice input: the value stored (an item id, a media path) and the text shown; Level indents it
/// under its parent, as terms are.
public sealed record EditorChoice(string Value, string Text, int Level = 0)
{
    /// A choice input's values travel as one line each, so a form's single value per key can carry several.
    public static IReadOnlyList<string> Split(string? lines) =>
        lines?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public static string Join(IEnumerable<string> values) => string.Join('\n', values);
}
