using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Recipes.Execution;

/// Steps BlogSite cannot run (Orchard Core's layers, queries, admin menus…), kept as they came so an export
/// writes them back. A later step of the same name is merged into the kept one as Orchard Core merges it
/// (<see cref="KeptStepMerge"/>), so re-running a recipe keeps one copy and another recipe never drops what it holds.
public sealed class KeptStepStore(DocumentStore documents)
{
    private const string DocumentKey = "KeptRecipeSteps";

    public async Task<IReadOnlyList<JsonObject>> GetAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<KeptSteps>(DocumentKey, cancellationToken)).Steps;

    public async Task KeepAsync(JsonObject step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var kept = await documents.GetAsync<KeptSteps>(DocumentKey, cancellationToken);
        var name = Reading.RecipeReader.StringProperty(step, "name");
        var entity = KeptStepMerge.EntityOf(step);
        var index = kept.Steps.FindIndex(s => string.Equals(Reading.RecipeReader.StringProperty(s, "name"), name, StringComparison.OrdinalIgnoreCase)
            && KeptStepMerge.EntityOf(s) == entity);
        if (index >= 0)
        {
            kept.Steps[index] = KeptStepMerge.Merge(kept.Steps[index], step);
        }
        else
        {
            kept.Steps.Add((JsonObject)step.DeepClone());
        }

        await documents.SaveAsync(DocumentKey, kept, cancellationToken);
    }

    private sealed class KeptSteps
    {
        public List<JsonObject> Steps { get; set; } = [];
    }
}
