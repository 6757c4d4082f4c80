using DiffPlex.DiffBuilder.Model;

namespace BlogSite.Cms.Admin.Versions;

/// One field that differs between two versions: its lines side by side (words changed within a line are marked in
/// <see cref="DiffPiece.SubPieces"/>), runs of unchanged lines folded away, and how many words came and went.
public sealed record FieldDiff(string Name, IReadOnlyList<DiffRow> Rows, int WordsAdded, int WordsRemoved);

/// A row of a side-by-side diff: the old line and the new one (either may be an empty filler), or a fold of
/// <see cref="Folded"/> unchanged lines.
public sealed record DiffRow(DiffPiece? Old, DiffPiece? New, int Folded = 0);
