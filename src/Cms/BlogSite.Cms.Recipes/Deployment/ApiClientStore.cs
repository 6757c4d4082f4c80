using System.Security.Cryptography;
using System.Text;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.Cms.Recipes.Deployment;

/// The named API clients a target site accepts remote deployments from. A key is shown once when made; only its
/// SHA-256 hash is stored (keys are 256 random bits, so a fast hash is enough), and checks take constant time.
/// Each client holds the recipe scopes chosen when its key was made (<see cref="RecipeTrust"/>): content only unless
/// users or roles were chosen too; clients made before scopes existed hold content only.
public sealed class ApiClientStore(DocumentStore documents, TimeProvider clock)
{
    private const string DocumentKey = "DeploymentApiClients";

    public async Task<string> CreateAsync(string name, IEnumerable<string>? extraScopes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var scopes = new[] { RecipeTrust.ContentScope }.Concat(extraScopes ?? []).Where(RecipeTrust.AllScopes.Contains).Distinct(StringComparer.Ordinal).ToList();
        var clients = await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        clients.Clients.RemoveAll(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        clients.Clients.Add(new ApiClient { Name = name, KeyHash = Hash(key), CreatedUtc = clock.GetUtcNow().UtcDateTime, Scopes = scopes });
        await documents.SaveAsync(DocumentKey, clients, cancellationToken);
        return key;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        var clients = await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken);
        var removed = clients.Clients.RemoveAll(c => string.Equals(c.Name, name, StringComparison.Ordinal)) > 0;
        await documents.SaveAsync(DocumentKey, clients, cancellationToken);
        return removed;
    }

    /// Every client's name and scopes, by name.
    public async Task<IReadOnlyList<(string Name, IReadOnlyList<string> Scopes)>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken)).Clients
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Name, (IReadOnlyList<string>)ScopesOf(c)))];

    /// What the client may import when <paramref name="key"/> is its key; null when it is not.
    public async Task<RecipeTrust?> VerifyAsync(string? name, string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(key))
        {
            return null;
        }

        var client = (await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken)).Clients.Find(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        var expected = Convert.FromBase64String(client?.KeyHash ?? Hash("no client has this key"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Hash(key))) && client is not null
            ? new RecipeTrust($"the API client '{client.Name}'", ScopesOf(client).ToHashSet(StringComparer.Ordinal))
            : null;
    }

    private static List<string> ScopesOf(ApiClient client) => client.Scopes is { Count: > 0 } scopes ? scopes : [RecipeTrust.ContentScope];

    private static string Hash(string key) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed class ApiClients
    {
        public List<ApiClient> Clients { get; set; } = [];
    }

    private sealed class ApiClient
    {
        public string Name { get; set; } = "";

        public string KeyHash { get; set; } = "";

        public DateTime CreatedUtc { get; set; }

        public List<string>? Scopes { get; set; }
    }
}
