using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Cms.Content.Fields;

/// Terms picked from the field's taxonomy (only leaves when the field says so, one when it is unique); shown as links
/// to the terms' pages.
public sealed class TaxonomyFieldDriver(TermCatalog terms) : FieldDriver<TaxonomyField>
{
    public override async Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings<TaxonomyFieldSettings>();
        if (settings?.TaxonomyContentItemId is not { Length: > 0 } taxonomyId)
        {
            return [];
        }

        var tree = await terms.TreeAsync(taxonomyId, cancellationToken);
        var parents = tree.Select(t => t.ParentTermContentItemId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var choices = tree
            .Where(t => !settings.LeavesOnly || !parents.Contains(t.TermContentItemId))
            .Select(t => new EditorChoice(t.TermContentItemId, t.DisplayText, settings.LeavesOnly ? 0 : t.Level))
            .ToList();
        return
        [
            new EditorInput($"{context.Key}.TermContentItemIds", context.Label, "choice", context.Lines("TermContentItemIds"), context.Hint,
                context.Required || settings.Required) { Choices = choices, Multiple = !settings.Unique },
            new EditorInput($"{context.Key}.TaxonomyContentItemId", context.Label, "constant", taxonomyId),
        ];
    }

    protected override async Task<object?> DisplayAsync(TaxonomyField value, CancellationToken cancellationToken)
    {
        var links = new List<LinkValue>();
        foreach (var id in value.TermContentItemIds ?? [])
        {
            if (await terms.FindAsync(id, cancellationToken) is { Path: { } path } term)
            {
                links.Add(new LinkValue(term.DisplayText, "/" + path));
            }
        }

        return links.Count > 0 ? links : null;
    }
}
