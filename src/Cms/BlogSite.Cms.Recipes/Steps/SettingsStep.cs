using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "settings", "SiteName": "...", "HomeRoute": {...}, ...}`: every property but `name` is a site setting.
public sealed class SettingsStep(SiteSettingsStore settings) : IRecipeStep
{
    public string Name => "settings";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = Settings(context);
        if (settings["SiteName"] is { } siteName && siteName.GetValueKind() != JsonValueKind.String)
        {
            context.Error("SiteName", "'SiteName' must be a string.");
        }

        if (settings["PageSize"] is { } pageSize
            && !(pageSize is JsonValue v && v.TryGetValue<int>(out var size) && size is > 0 and <= 100))
        {
            context.Error("PageSize", "'PageSize' must be a whole number from 1 to 100.");
        }

        if (settings["HomeRoute"] is { } home && home["ContentItemId"]?.GetValueKind() is not (null or JsonValueKind.String))
        {
            context.Error("HomeRoute.ContentItemId", "'ContentItemId' must be a string.");
        }
    }

    public Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return settings.MergeAsync(Settings(context), cancellationToken);
    }

    private static JsonObject Settings(RecipeStepContext context)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in context.Step)
        {
            if (!string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                settings[key] = value?.DeepClone();
            }
        }

        return settings;
    }
}
