using BlogSite.Cms.Content.Model;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace BlogSite.Cms.Admin.Versions;

/// Compares two versions of an item field by field, line by line and, within a changed line, word by word (DiffPlex).
public static class VersionComparer
{
    // Unchanged lines shown around each change; longer unchanged runs fold into one row.
    private const int Context = 2;

    /// The fields that differ, in the order the newer version has them.
    public static IReadOnlyList<FieldDiff> Compare(ContentItem older, ContentItem newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = ContentFields.Of(older);
        var after = ContentFields.Of(newer);
        return [.. after.Keys.Concat(before.Keys.Except(after.Keys))
            .Where(name => before.GetValueOrDefault(name, "") != after.GetValueOrDefault(name, ""))
            .Select(name => Diff(name, before.GetValueOrDefault(name, ""), after.GetValueOrDefault(name, "")))];
    }

    private static FieldDiff Diff(string name, string before, string after)
    {
        var model = SideBySideDiffBuilder.Diff(new Differ(), before, after, false, false, LineChunker.Instance, WordChunker.Instance);
        var lines = model.OldText.Lines.Zip(model.NewText.Lines).ToList();
        var changed = lines.Select(l => l.First.Type != ChangeType.Unchanged || l.Second.Type != ChangeType.Unchanged).ToList();
        var shown = changed.Select((_, i) => changed.Skip(Math.Max(0, i - Context)).Take((2 * Context) + 1).Any(c => c)).ToList();

        var rows = new List<DiffRow>();
        var folded = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown[i])
            {
                folded++;
                continue;
            }

            if (folded > 0)
            {
                rows.Add(new DiffRow(null, null, folded));
                folded = 0;
            }

            rows.Add(new DiffRow(lines[i].First, lines[i].Second));
        }

        if (folded > 0)
        {
            rows.Add(new DiffRow(null, null, folded));
        }

        return new FieldDiff(name, rows, Words(model.NewText, ChangeType.Inserted), Words(model.OldText, ChangeType.Deleted));
    }

    // Words a pane gained or lost: whole lines of that kind, and the words of that kind within modified lines.
    private static int Words(DiffPaneModel pane, ChangeType kind) =>
        pane.Lines.Sum(line =>
            line.Type == kind ? CountWords(line.Text)
            : line.Type == ChangeType.Modified ? line.SubPieces.Where(p => p.Type == kind).Sum(p => CountWords(p.Text))
            : 0);

    private static int CountWords(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
