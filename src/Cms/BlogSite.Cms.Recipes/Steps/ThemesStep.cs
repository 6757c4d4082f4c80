using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "themes", "site": "...", "admin": "..."}`: the site theme is enabled; names BlogSite lacks are kept
/// as they were and reported.
public sealed class ThemesStep(FeatureCatalog catalog, FeatureManager features, DocumentStore documents) : IRecipeStep
{
    public const string DocumentKey = "Themes";

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
        var themes = await documents.GetAsync<ThemeSelection>(DocumentKey, cancellationToken);
        if (RecipeReader.StringProperty(context.Step, "site") is { } site)
        {
            themes.Site = site;
            if (catalog.Find(site) is { IsTheme: true })
            {
                await features.EnableAsync([site], cancellationToken);
            }
        }

        themes.Admin = RecipeReader.StringProperty(context.Step, "admin") ?? themes.Admin;
        await documents.SaveAsync(DocumentKey, themes, cancellationToken);
    }

    public sealed class ThemeSelection
    {
        public string? Site { get; set; }

        public string? Admin { get; set; }
    }
}
