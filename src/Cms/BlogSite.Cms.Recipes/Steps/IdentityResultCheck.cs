using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Recipes.Steps;

internal static class IdentityResultCheck
{
    /// Identity's refusal (a duplicate name, a bad e-mail…) stops the recipe at the step and path it came from.
    public static void ThrowIfFailed(this IdentityResult result, RecipeStepContext context, string path)
    {
        if (!result.Succeeded)
        {
            throw context.Failure(path, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
