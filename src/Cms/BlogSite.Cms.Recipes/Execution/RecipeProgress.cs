namespace BlogSite.Cms.Recipes.Execution;

/// How far a step has got through its items.
public sealed record RecipeProgress(int StepIndex, string StepName, int Done, int Total);
