using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Cms.Recipes.Deployment;

/// POST /api/deployment/import: a source site pushes a recipe (an export) with a named API client's key in the
/// X-Deployment-Client and X-Deployment-Key headers. A wrong or missing key is 401 and nothing is read; a recipe
/// error is 422 with the whole report; the import itself is all or nothing.
public static class RemoteDeploymentEndpoints
{
    public const string ClientHeader = "X-Deployment-Client";
    public const string KeyHeader = "X-Deployment-Key";
    public const long MaxRecipeBytes = 1L << 30;

    public static IEndpointRouteBuilder MapRemoteDeployment(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/deployment/import", ImportAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttributeShim(MaxRecipeBytes), new RequiredFeature(RecipesModule.RemoteDeploymentFeature));
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, ApiClientStore clients, RecipeExecutor executor, AdministratorAccount administrator)
    {
        var cancellationToken = context.RequestAborted;
        if (!await clients.VerifyAsync(context.Request.Headers[ClientHeader], context.Request.Headers[KeyHeader], cancellationToken))
        {
            return Results.Json(
                ImportResult.Failed([new RecipeError(null, null, "$", "A known API client name and its key are required.")]),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var file = Path.Combine(Path.GetTempPath(), $"blogsite-deployment-{Guid.NewGuid():N}.recipe.json");
        try
        {
            await using (var target = File.Create(file))
            {
                await context.Request.Body.CopyToAsync(target, cancellationToken);
            }

            var recipe = await RecipeReader.ReadFileAsync(file, cancellationToken);
            var report = await executor.RunAsync(recipe, await administrator.RecipeParametersAsync(), cancellationToken: cancellationToken);
            return Results.Json(ImportResult.From(report));
        }
        catch (RecipeException e)
        {
            return Results.Json(ImportResult.Failed(e.Errors), statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// Raises Kestrel's body limit for this endpoint only: exports of large sites are bigger than the default 30 MB.
    private sealed class RequestSizeLimitAttributeShim(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
