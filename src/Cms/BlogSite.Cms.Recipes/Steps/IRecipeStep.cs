namespace BlogSite.Cms.Recipes.Steps;

/// One recipe step. <see cref="Validate"/> checks the step's JSON without touching the database and reports every
/// problem; <see cref="RunAsync"/> runs only after the whole recipe validated, inside the recipe's transaction.
public interface IRecipeStep
{
    string Name { get; }

    void Validate(RecipeStepContext context);

    Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
