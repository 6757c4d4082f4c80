using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Recipes.Steps;

/// The taxonomy terms and containers a content step's items point at, and the ones its items define, so a term or
/// list that exists nowhere is reported with the path of the first item that points at it.
internal sealed class ContentReferences
{
    private readonly HashSet<string> definedItems = new(StringComparer.Ordinal);
    private readonly HashSet<string> definedTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> termUses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> listUses = new(StringComparer.Ordinal);

    public void Add(string path, ContentItem item)
    {
        definedItems.Add(item.ContentItemId);
        if (item.As<TaxonomyPart>()?.Terms is { } terms)
        {
            definedTerms.UnionWith(TermTree.Descend(terms).Select(t => t["ContentItemId"]).OfType<JsonValue>()
                .Select(id => id.TryGetValue<string>(out var termId) ? termId : null).OfType<string>());
        }

        if (item.As<ContainedPart>()?.ListContentItemId is { } listId)
        {
            listUses.TryAdd(listId, $"{path}.{ContentParts.NameOf<ContainedPart>()}.{nameof(ContainedPart.ListContentItemId)}");
        }

        foreach (var (partName, part) in item.Content)
        {
            foreach (var (fieldName, field) in part as JsonObject ?? [])
            {
                if (field is JsonObject fieldObject && fieldObject["TermContentItemIds"] is JsonArray ids)
                {
                    for (var i = 0; i < ids.Count; i++)
                    {
                        if (ids[i] is JsonValue id && id.TryGetValue<string>(out var termId))
                        {
                            termUses.TryAdd(termId, $"{path}.{partName}.{fieldName}.TermContentItemIds[{i}]");
                        }
                    }
                }
            }
        }
    }

    public IEnumerable<(string Path, string Message)> Unresolved() =>
        termUses.Where(t => !definedTerms.Contains(t.Key)).Select(t => (t.Value, $"No taxonomy in this step defines the term '{t.Key}'."))
            .Concat(listUses.Where(l => !definedItems.Contains(l.Key)).Select(l => (l.Value, $"No item in this step is the container '{l.Key}'.")));

    /// After the step has run: every term and container pointed at must now exist in the site.
    public async Task EnsureExistAsync(RecipeStepContext context, CmsDbContext db, CancellationToken cancellationToken)
    {
        var termIds = termUses.Keys.ToList();
        var listIds = listUses.Keys.ToList();
        var foundTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in termIds.Chunk(500))
        {
            foundTerms.UnionWith(await db.Terms.AsNoTracking().Where(t => chunk.Contains(t.TermContentItemId)).Select(t => t.TermContentItemId).ToListAsync(cancellationToken));
        }

        var foundLists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in listIds.Chunk(500))
        {
            foundLists.UnionWith(await db.ContentItems.AsNoTracking().Where(i => chunk.Contains(i.ContentItemId)).Select(i => i.ContentItemId).ToListAsync(cancellationToken));
        }

        var errors = termUses.Where(t => !foundTerms.Contains(t.Key))
            .Select(t => new RecipeError(context.StepIndex, context.StepName, context.PathOf(t.Value), $"The term '{t.Key}' exists in no taxonomy of the site or the recipe."))
            .Concat(listUses.Where(l => !foundLists.Contains(l.Key))
                .Select(l => new RecipeError(context.StepIndex, context.StepName, context.PathOf(l.Value), $"The container '{l.Key}' exists neither in the site nor in the recipe.")))
            .ToList();
        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }
    }
}
