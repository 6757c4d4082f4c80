using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "deployment", "Plans": [{"Name": "...", "Steps": [{"Type": "...", "Step": {...}}]}]}`: deployment plans
/// are data, kept in Orchard Core's shape (its plan model has "Steps"; plans BlogSite wrote before, with
/// "DeploymentSteps", are read and kept as "Steps"); a plan with the same name is replaced, the others stay.
public sealed class DeploymentStep(DocumentStore documents) : IRecipeStep
{
    public const string DocumentKey = "DeploymentPlans";

    public string? Feature => "OrchardCore.Deployment";

    public string Name => "deployment";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context);
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await documents.GetAsync(DocumentKey, cancellationToken);
        var plans = stored["Plans"] as JsonArray ?? [];
        foreach (var plan in Read(context))
        {
            var name = RecipeReader.StringProperty(plan, "Name");
            foreach (var same in plans.OfType<JsonObject>().Where(p => string.Equals(RecipeReader.StringProperty(p, "Name"), name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                plans.Remove(same);
            }

            var kept = Normalized(plan);
            plans.Add(kept);
        }

        stored["Plans"] = plans.DeepClone();
        await documents.SaveAsync(DocumentKey, stored, cancellationToken);
    }

    /// A copy of <paramref name="plan"/> in Orchard Core's shape: its steps under "Steps" (plans stored before were
    /// written with "DeploymentSteps").
    public static JsonObject Normalized(JsonObject plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var kept = (JsonObject)plan.DeepClone();
        if (RecipeReader.Property(kept, "DeploymentSteps") is not null && RecipeReader.Property(kept, "Steps") is null)
        {
            var older = RecipeReader.KeyOf(kept, "DeploymentSteps");
            kept["Steps"] = kept[older]!.DeepClone();
            kept.Remove(older);
        }

        return kept;
    }

    private static List<JsonObject> Read(RecipeStepContext context)
    {
        var plans = new List<JsonObject>();
        var key = RecipeReader.KeyOf(context.Step, "Plans");
        var array = context.ArrayProperty("Plans", required: true) ?? [];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject plan || string.IsNullOrWhiteSpace(RecipeReader.StringProperty(plan, "Name")))
            {
                context.Error($"{key}[{i}].Name", "A deployment plan needs a 'Name'.");
                continue;
            }

            var stepsKey = RecipeReader.Property(plan, "Steps") is not null ? "Steps" : "DeploymentSteps";
            if (RecipeReader.Property(plan, stepsKey) is { } steps and not JsonArray)
            {
                context.Error($"{key}[{i}].{stepsKey}", $"'{stepsKey}' must be an array, not {steps.GetValueKind()}.");
                continue;
            }

            plans.Add(plan);
        }

        return plans;
    }
}
