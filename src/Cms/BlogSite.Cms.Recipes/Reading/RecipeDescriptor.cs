using System.Text.Json.Nodes;

namespace BlogSite.Cms.Recipes.Reading;

/// A parsed recipe: its header, its raw (not yet evaluated) variables and steps, and the folder that
/// `file:` values and the `recipes` step resolve against.
public sealed record RecipeDescriptor(
    string Name,
    string? DisplayName,
    string? Description,
    bool IsSetupRecipe,
    JsonObject Variables,
    JsonArray Steps,
    string BasePath,
    JsonObject Header);
