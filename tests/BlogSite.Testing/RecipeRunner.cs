using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Testing;

/// Runs a recipe written in a test against a site, as the admin's Import page would.
public static class RecipeRunner
{
    public static async Task<RecipeReport> RunAsync(IServiceProvider services, string json)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(RecipeReader.Parse(json, AppContext.BaseDirectory), RecipeTrust.Operator);
    }
}
