using BlogSite.Cms.Content.Indexes;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// How the term pickers name terms ("Policy › Sanctions", so two "Sanctions" under different parents differ; two
/// terms whose names still match, even only by case, also show their slugs) and how a picked value becomes a term id
/// again: a picker posts either a term's id or its name as shown.
public sealed class TermChoices
{
    /// How many suggestions a picker offers for what is typed.
    public const int SuggestionLimit = 20;

    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> idsByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> idsByLabelAnyCase = new(StringComparer.CurrentCultureIgnoreCase);

    public TermChoices(IReadOnlyList<TermIndex> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var byId = terms.ToDictionary(t => t.TermContentItemId, StringComparer.Ordinal);
        var paths = terms.ToDictionary(t => t.TermContentItemId, t => PathOf(t, byId), StringComparer.Ordinal);
        var shared = paths.Values.GroupBy(p => p, StringComparer.CurrentCultureIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        foreach (var term in terms)
        {
            var path = paths[term.TermContentItemId];
            var label = shared.Contains(path) ? $"{path} ({term.Path?.Split('/')[^1] ?? term.TermContentItemId})" : path;
            labels[term.TermContentItemId] = label;
            idsByLabel.TryAdd(label, term.TermContentItemId);
            if (!idsByLabelAnyCase.TryGetValue(label, out var ids))
            {
                idsByLabelAnyCase[label] = ids = [];
            }

            ids.Add(term.TermContentItemId);
        }
    }

    public string LabelOf(string? termId) => termId is not null && labels.TryGetValue(termId, out var label) ? label : "";

    /// The id a picker's value stands for: a term id, a name exactly as shown, or one that differs only in case from
    /// a single term's. A value that names no single term is returned as it is, so the editor refuses it with its own
    /// message for the field.
    public string? IdOf(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (labels.ContainsKey(trimmed))
        {
            return trimmed;
        }

        if (idsByLabel.TryGetValue(trimmed, out var exact))
        {
            return exact;
        }

        return idsByLabelAnyCase.TryGetValue(trimmed, out var ids) && ids.Count == 1 ? ids[0] : trimmed;
    }

    /// The names that contain <paramref name="search"/>, those starting with it first.
    public IReadOnlyList<string> Suggest(string? search)
    {
        var wanted = search?.Trim() ?? "";
        return [.. labels.Values
            .Where(l => l.Contains(wanted, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(l => l.StartsWith(wanted, StringComparison.CurrentCultureIgnoreCase) ? 0 : 1)
            .ThenBy(l => l, StringComparer.CurrentCultureIgnoreCase)
            .Take(SuggestionLimit)];
    }

    private static string PathOf(TermIndex term, Dictionary<string, TermIndex> byId)
    {
        var path = term.DisplayText;
        for (var parent = term.ParentTermContentItemId; parent is not null && byId.TryGetValue(parent, out var p); parent = p.ParentTermContentItemId)
        {
            path = $"{p.DisplayText} › {path}";
        }

        return path;
    }
}
