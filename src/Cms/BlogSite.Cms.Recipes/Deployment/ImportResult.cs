using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.Cms.Recipes.Deployment;

/// What a remote import answers: counts, warnings and errors, each error with its step and JSON path.
public sealed record ImportResult(bool Succeeded, int Created, int Updated, int Unchanged, IReadOnlyList<RecipeError> Warnings, IReadOnlyList<RecipeError> Errors)
{
    public static ImportResult From(RecipeReport report) =>
        new(report.Succeeded, report.Created, report.Updated, report.Unchanged, report.Warnings, report.Errors);

    public static ImportResult Failed(IReadOnlyList<RecipeError> errors, IReadOnlyList<RecipeError>? warnings = null) =>
        new(false, 0, 0, 0, warnings ?? [], errors);
}
