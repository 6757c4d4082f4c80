using System.Security.Cryptography;
using System.Text;
using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Recipes.Deployment;

/// The named API clients a target site accepts remote deployments from. A key is shown once when made; only its
/// SHA-256 hash is stored (keys are 256 random bits, so a fast hash is enough), and checks take constant time.
public sealed class ApiClientStore(DocumentStore documents, TimeProvider clock)
{
    private const string DocumentKey = "DeploymentApiClients";

    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var clients = await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        clients.Clients.RemoveAll(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        clients.Clients.Add(new ApiClient { Name = name, KeyHash = Hash(key), CreatedUtc = clock.GetUtcNow().UtcDateTime });
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

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken)).Clients.Select(c => c.Name).ToList();

    public async Task<bool> VerifyAsync(string? name, string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(key))
        {
            return false;
        }

        var client = (await documents.GetAsync<ApiClients>(DocumentKey, cancellationToken)).Clients.Find(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        var expected = Convert.FromBase64String(client?.KeyHash ?? Hash("no client has this key"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Hash(key))) && client is not null;
    }

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
    }
}
