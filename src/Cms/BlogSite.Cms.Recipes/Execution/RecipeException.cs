namespace BlogSite.Cms.Recipes.Execution;

/// A recipe that cannot be run; every problem found is listed, not just the first.
public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
