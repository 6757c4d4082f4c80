using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Cms.Recipes.Deployment;

/// A source site pushes a recipe or a deployment package (.zip with Recipe.json and its files) in either of two forms:
/// Orchard Core's remote instance protocol (a form with ClientName, ApiKey and the package as the file Content, at
/// Orchard Core's address too), or BlogSite's first one (the body, with the X-Deployment-Client and X-Deployment-Key
/// headers). A wrong or missing key is 401 and nothing is read; a recipe error is 422 with the whole report; the
/// import itself is all or nothing.
public static class RemoteDeploymentEndpoints
{
    public const string ClientHeader = "X-Deployment-Client";
    public const string KeyHeader = "X-Deployment-Key";
    public const string OrchardImportPath = "/OrchardCore.Deployment.Remote/ImportRemoteInstance/Import";
    public const long MaxRecipeBytes = 1L << 30;

    public static IEndpointRouteBuilder MapRemoteDeployment(this IEndpointRouteBuilder endpoints)
    {
        foreach (var path in new[] { "/api/deployment/import", OrchardImportPath })
        {
            endpoints.MapPost(path, ImportAsync)
                .DisableAntiforgery()
                .WithMetadata(new RequestSizeLimitAttributeShim(MaxRecipeBytes), new RequiredFeature(RecipesModule.RemoteDeploymentFeature));
        }

        return endpoints;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, ApiClientStore clients, RecipeExecutor executor, AdministratorAccount administrator)
    {
        var cancellationToken = context.RequestAborted;
        var request = context.Request;
        IFormFile? package = null;
        string? client = request.Headers[ClientHeader], key = request.Headers[KeyHeader];
        if (request.HasFormContentType)
        {
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = MaxRecipeBytes }));
            var form = await request.ReadFormAsync(cancellationToken);
            (client, key, package) = (form["ClientName"], form["ApiKey"], form.Files["Content"]);
        }

        if (!await clients.VerifyAsync(client, key, cancellationToken))
        {
            return Results.Json(
                ImportResult.Failed([new RecipeError(null, null, "$", "A known API client name and its key are required.")]),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        if (request.HasFormContentType && package is null)
        {
            return Results.Json(
                ImportResult.Failed([new RecipeError(null, null, "Content", "The form has no file 'Content' (the recipe or deployment package).")]),
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var file = Path.Combine(Path.GetTempPath(), $"blogsite-deployment-{Guid.NewGuid():N}");
        try
        {
            await using (var target = File.Create(file))
            {
                await (package?.OpenReadStream() ?? request.Body).CopyToAsync(target, cancellationToken);
            }

            await using var source = await RecipePackage.OpenAsync(file, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
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
