using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Themes;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "themes", "site": "...", "admin": "..."}`: the site theme is enabled; names BlogSite lacks are kept
/// as they were and reported.
public sealed class ThemesStep(FeatureCatalog catalog, SiteThemes themes) : IRecipeStep
{
    public string Name => "themes";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var key in new[] { "site", "admin" })
        {
            if (RecipeReader.Property(context.Step, key) is { } value && RecipeReader.StringProperty(context.Step, key) is null)
            {
                context.Error(RecipeReader.KeyOf(context.Step, key), $"'{key}' must be a theme name, not {value.GetValueKind()}.");
            }
        }

        if (RecipeReader.StringProperty(context.Step, "site") is { } site && catalog.Find(site) is not { IsTheme: true })
        {
            context.Warning(RecipeReader.KeyOf(context.Step, "site"), $"BlogSite has no theme '{site}'; the current theme stays.");
        }

        if (RecipeReader.StringProperty(context.Step, "admin") is { } admin)
        {
            context.Warning(RecipeReader.KeyOf(context.Step, "admin"), $"BlogSite's admin has one built-in look; admin theme '{admin}' is recorded only.");
        }
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await themes.SelectAsync(RecipeReader.StringProperty(context.Step, "site"), RecipeReader.StringProperty(context.Step, "admin"), cancellationToken);
    }
}
