namespace BlogSite.Cms.Recipes.Execution;

/// What went wrong and exactly where: the step (index and name) and the JSON path inside the recipe file.
public sealed record RecipeError(int? StepIndex, string? StepName, string JsonPath, string Message)
{
    public override string ToString() => StepIndex is null
        ? $"{JsonPath}: {Message}"
        : $"step {StepIndex} '{StepName}' at {JsonPath}: {Message}";
}
