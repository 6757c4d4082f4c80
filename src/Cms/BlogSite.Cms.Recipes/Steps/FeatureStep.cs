using BlogSite.Cms.Content.Features;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "feature", "enable": [...], "disable": [...]}`. Enabling brings a feature's dependencies along; disabling
/// takes every feature that depends on it along, and validation says which. Features every site has stay on;
/// Orchard Core features BlogSite lacks are warnings.
public sealed class FeatureStep(FeatureCatalog catalog, FeatureManager manager) : IRecipeStep
{
    public string Name => "feature";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enable = context.StringArray("enable", required: false);
        foreach (var id in catalog.Resolve(enable).Unknown)
        {
            context.Warning("enable", $"BlogSite has no feature '{id}'; it is skipped.");
        }

        var disable = context.StringArray("disable", required: false);
        foreach (var id in disable.Where(id => catalog.Find(id) is null))
        {
            context.Warning("disable", $"BlogSite has no feature '{id}'; it is skipped.");
        }

        foreach (var id in disable.Where(id => catalog.Find(id) is { AlwaysEnabled: true }))
        {
            context.Warning("disable", $"'{id}' is part of every site and stays on.");
        }

        if (disable.Count > 0 && catalog.WithDependents(disable).Where(f => !f.AlwaysEnabled).Select(f => f.Id).ToList() is { Count: > 0 } off)
        {
            context.Warning("disable", $"Disabling switches off {string.Join(", ", off)}: their pages, endpoints and admin entries stop until enabled again; their content stays.");
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

        if (context.StringArray("disable", required: false) is { Count: > 0 } disable)
        {
            await manager.DisableAsync(disable, cancellationToken);
        }
    }
}
