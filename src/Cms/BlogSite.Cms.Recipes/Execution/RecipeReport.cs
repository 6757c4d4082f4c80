namespace BlogSite.Cms.Recipes.Execution;

/// The outcome of validating or running a recipe.
public sealed class RecipeReport
{
    public List<RecipeError> Errors { get; } = [];

    public List<RecipeError> Warnings { get; } = [];

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public bool Succeeded => Errors.Count == 0;
}
