using System.Text.Json.Nodes;

namespace BlogSite.Cms.Recipes.Reading;

/// A parsed recipe: its header, its raw (not yet evaluated) variables and steps, and the folder that
/// `file:` values and the `recipes` step resolve against. For a recipe read from a file, content steps keep an empty
/// Data placeholder and their items are read from the file one at a time through <see cref="FileItems"/>.
public sealed record RecipeDescriptor(
    string Name,
    string? DisplayName,
    string? Description,
    bool IsSetupRecipe,
    JsonObject Variables,
    JsonArray Steps,
    string BasePath,
    JsonObject Header)
{
    public RecipeFileItems? FileItems { get; init; }
}
