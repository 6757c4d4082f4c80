using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Recipes.Export;

namespace BlogSite.Cms.Recipes.Deployment;

/// The source side of a remote deployment: posts an export, as a deployment package with its media files, to a
/// target in Orchard Core's remote instance protocol (a form with ClientName, ApiKey and the package as Content), which
/// both Orchard Core and BlogSite accept.
public sealed class DeploymentClient(HttpClient http, MediaStore media)
{
    /// <paramref name="target"/> is the target's import address (Orchard Core's remote instance URL), or just the site
    /// (a URL with no path), which means BlogSite's /api/deployment/import there. The result is BlogSite's report when
    /// the target sends one (Orchard Core answers 200 with no body).
    public async Task<(int Status, ImportResult? Result)> PushAsync(
        Uri target, string clientName, string key, JsonObject recipe, IEnumerable<string> mediaPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(recipe);
        var package = Path.Combine(Path.GetTempPath(), $"blogsite-push-{Guid.NewGuid():N}.zip");
        try
        {
            await RecipeArchive.WriteAsync(package, recipe, media, mediaPaths, cancellationToken);
            await using var file = File.OpenRead(package);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(clientName), "ClientName" },
                { new StringContent(key), "ApiKey" },
            };
            var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            form.Add(content, "Content", "Content.zip");
            var address = target.AbsolutePath is "" or "/" ? new Uri(target, "/api/deployment/import") : target;
            using var response = await http.PostAsync(address, form, cancellationToken);
            var result = response.Content.Headers.ContentType?.MediaType == "application/json"
                ? await response.Content.ReadFromJsonAsync<ImportResult>(cancellationToken)
                : null;
            return ((int)response.StatusCode, result);
        }
        finally
        {
            File.Delete(package);
        }
    }
}
