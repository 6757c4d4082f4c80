using BlogSite.Cms.Content.Features;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "feature", "enable": [...], "disable": [...]}`. Orchard Core features BlogSite lacks are warnings.
public sealed class FeatureStep(FeatureCatalog catalog, FeatureManager manager) : IRecipeStep
{
    public string Name => "feature";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enable = context.StringArray("enable", required: false);
        context.StringArray("disable", required: false);
        foreach (var id in catalog.Resolve(enable).Unknown)
        {
            context.Warning("enable", $"BlogSite has no feature '{id}'; it is skipped.");
        }
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var unknown = await manager.EnableAsync(context.StringArray("enable", required: false), cancellationToken);
        foreach (var id in unknown)
        {
            context.Warning("enable", $"BlogSite has no feature '{id}'; it is skipped.");
        }

        if (context.StringArray("disable", required: false).Count > 0)
        {
            context.Warning("disable", "BlogSite's features cannot be disabled by a recipe yet; 'disable' is ignored.");
        }
    }
}
