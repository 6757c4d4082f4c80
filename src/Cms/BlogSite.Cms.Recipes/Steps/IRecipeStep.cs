namespace BlogSite.Cms.Recipes.Steps;

/// One recipe step. <see cref="Validate"/> checks the step's JSON without touching the database and reports every
/// problem; <see cref="RunAsync"/> runs only after the whole recipe validated, inside the recipe's transaction.
public interface IRecipeStep
{
    string Name { get; }

    /// The feature whose step this is; while it is disabled the step is kept, not run, as an unknown step is.
    string? Feature => null;

    void Validate(RecipeStepContext context);

    Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
