using System.Text;
using DiffPlex.DiffBuilder.Model;

namespace BlogSite.Cms.Admin.Versions;

/// A changed line's words as runs: neighbouring pieces of one kind joined, so ", now live" is marked once rather
/// than as five marks for its words, spaces and comma.
public static class DiffRuns
{
    public static IReadOnlyList<(string Text, ChangeType Type)> Of(DiffPiece line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var runs = new List<(string, ChangeType)>();
        var text = new StringBuilder();
        ChangeType? current = null;
        foreach (var piece in line.SubPieces.Where(p => p.Type != ChangeType.Imaginary))
        {
            if (current is { } kind && kind != piece.Type)
            {
                runs.Add((text.ToString(), kind));
                text.Clear();
            }

            current = piece.Type;
            text.Append(piece.Text);
        }

        if (current is { } last)
        {
            runs.Add((text.ToString(), last));
        }

        return runs;
    }
}
