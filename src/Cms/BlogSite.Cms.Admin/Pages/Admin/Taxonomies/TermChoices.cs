using BlogSite.Cms.Content.Indexes;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// How the term pickers name terms ("Policy › Sanctions", so two "Sanctions" under different parents differ) and
/// how a picked value becomes a term id again: a picker posts either a term's id or its name as shown.
public sealed class TermChoices
{
    /// How many suggestions a picker offers for what is typed.
    public const int SuggestionLimit = 20;

    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> idsByLabel = new(StringComparer.CurrentCultureIgnoreCase);

    public TermChoices(IReadOnlyList<TermIndex> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var byId = terms.ToDictionary(t => t.TermContentItemId, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var label = term.DisplayText;
            for (var parent = term.ParentTermContentItemId; parent is not null && byId.TryGetValue(parent, out var p); parent = p.ParentTermContentItemId)
            {
                label = $"{p.DisplayText} › {label}";
            }

            labels[term.TermContentItemId] = label;
            if (!idsByLabel.TryGetValue(label, out var ids))
            {
                idsByLabel[label] = ids = [];
            }

            ids.Add(term.TermContentItemId);
        }
    }

    public string LabelOf(string? termId) => termId is not null && labels.TryGetValue(termId, out var label) ? label : "";

    /// The id a picker's value stands for; a value that names no single term is returned as it is, so the editor
    /// refuses it with its own message for the field.
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

        return idsByLabel.TryGetValue(trimmed, out var ids) && ids.Count == 1 ? ids[0] : trimmed;
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
}
