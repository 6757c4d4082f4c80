using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

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
        // Each push gets a folder of its own: a recipe's files are read from beside it, and nothing else is there.
        var folder = Directory.CreateTempSubdirectory("blogsite-deployment-").FullName;
        var file = Path.Combine(folder, "Recipe.json");
        try
        {
            string? refusal;
            RecipeTrust? trust;
            if (request.HasFormContentType)
            {
                (refusal, trust) = await ReadFormAsync(request, clients, file, cancellationToken);
            }
            else
            {
                trust = await clients.VerifyAsync(request.Headers[ClientHeader], request.Headers[KeyHeader], cancellationToken);
                refusal = trust is null ? Unknown : null;
                if (refusal is null)
                {
                    await using var target = File.Create(file);
                    await request.Body.CopyToAsync(target, cancellationToken);
                }
            }

            if (refusal is not null || trust is null)
            {
                refusal ??= Unknown;
                return Results.Json(
                    ImportResult.Failed([new RecipeError(null, null, refusal == Unknown ? "$" : "Content", refusal)]),
                    statusCode: refusal == Unknown ? StatusCodes.Status401Unauthorized : StatusCodes.Status422UnprocessableEntity);
            }

            await using var source = await RecipePackage.OpenAsync(file, cancellationToken);
            var recipe = await RecipeReader.ReadFileAsync(source.RecipePath, cancellationToken);
            var report = await executor.RunAsync(recipe, trust, await administrator.RecipeParametersAsync(), cancellationToken: cancellationToken);
            return Results.Json(ImportResult.From(report));
        }
        catch (RecipeException e)
        {
            return Results.Json(ImportResult.Failed(e.Errors), statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Unknown = "A known API client name and its key are required.";

    /// Orchard Core's form, read as it streams in: ClientName and ApiKey (small values) must come before Content, and
    /// are checked before a byte of Content is kept, so nobody without a key can make the server store anything.
    /// Returns why the push is refused, or the client's trust once Content was written to <paramref name="file"/>.
    private static async Task<(string? Refusal, RecipeTrust? Trust)> ReadFormAsync(HttpRequest request, ApiClientStore clients, string file, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return ("A push is a multipart form with ClientName, ApiKey and the package as Content.", null);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 8 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var name = section.GetContentDispositionHeader()?.Name.Value?.Trim('"');
            if (name is "ClientName" or "ApiKey")
            {
                var buffer = new char[1025];
                using var text = new StreamReader(section.Body);
                var read = await text.ReadBlockAsync(buffer, cancellationToken);
                if (read > 1024)
                {
                    return (Unknown, null);
                }

                fields[name] = new string(buffer, 0, read);
                continue;
            }

            if (name != "Content")
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                continue;
            }

            if (await clients.VerifyAsync(fields.GetValueOrDefault("ClientName"), fields.GetValueOrDefault("ApiKey"), cancellationToken) is not { } trust)
            {
                return (Unknown, null);
            }

            await using var target = File.Create(file);
            await section.Body.CopyToAsync(target, cancellationToken);
            return (null, trust);
        }

        return (await clients.VerifyAsync(fields.GetValueOrDefault("ClientName"), fields.GetValueOrDefault("ApiKey"), cancellationToken) is null
            ? Unknown
            : "The form has no file 'Content' (the recipe or deployment package).", null);
    }

    /// Raises Kestrel's body limit for this endpoint only: exports of large sites are bigger than the default 30 MB.
    private sealed class RequestSizeLimitAttributeShim(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
