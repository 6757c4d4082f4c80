using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Deployment;

/// The source side of a remote deployment: posts an export to a target site's import endpoint.
public sealed class DeploymentClient(HttpClient http)
{
    public async Task<(int Status, ImportResult? Result)> PushAsync(Uri target, string clientName, string key, JsonObject recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "/api/deployment/import"))
        {
            Content = new StringContent(recipe.ToJsonString(ContentJson.Options), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(RemoteDeploymentEndpoints.ClientHeader, clientName);
        request.Headers.Add(RemoteDeploymentEndpoints.KeyHeader, key);
        using var response = await http.SendAsync(request, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync<ImportResult>(cancellationToken);
        return ((int)response.StatusCode, result);
    }
}
