using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "recipes", "Values": [{"executionid": "...", "name": "Blog.Core"}]}`: runs other recipes, found by
/// their `name` among every recipe the site knows (<see cref="RecipeCatalog"/>), inside the same transaction.
public sealed class RecipesStep(RecipeCatalog catalog) : IRecipeStep
{
    public string Name => "recipes";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (_, recipe) in Resolve(context))
        {
            context.ValidateIncludedRecipe(recipe);
        }
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (_, recipe) in Resolve(context))
        {
            await context.RunIncludedRecipe(recipe, cancellationToken);
        }
    }

    private List<(string Path, RecipeDescriptor Recipe)> Resolve(RecipeStepContext context)
    {
        var key = RecipeReader.KeyOf(context.Step, "Values");
        var values = context.ArrayProperty("Values", required: true) ?? [];
        var found = new List<(string, RecipeDescriptor)>();
        for (var i = 0; i < values.Count; i++)
        {
            var path = $"{key}[{i}]";
            var name = values[i] is JsonObject value ? RecipeReader.StringProperty(value, "name") : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Error($"{path}.name", "Each value needs the 'name' of a recipe.");
                continue;
            }

            var recipe = FindByName(context.Recipe.BasePath, name, out var problem);
            if (recipe is null)
            {
                context.Error($"{path}.name", problem);
            }
            else
            {
                found.Add((path, recipe));
            }
        }

        return found;
    }

    private RecipeDescriptor? FindByName(string folder, string name, out string problem)
    {
        if (catalog.Find(name, folder) is not { } file)
        {
            problem = $"No recipe named '{name}' was found (looked in {string.Join(", ", catalog.Folders(folder))}).";
            return null;
        }

        try
        {
            problem = "";
            return RecipeReader.Parse(File.ReadAllText(file), Path.GetDirectoryName(file)!);
        }
        catch (RecipeException e)
        {
            problem = $"The recipe '{name}' ({Path.GetFileName(file)}) cannot be read: {e.Message}";
            return null;
        }
    }
}
