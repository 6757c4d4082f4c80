using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// Site-wide JSON documents by key. Writes join the caller's transaction. Reads outside a transaction come from a copy
/// kept until the next committed change to the site (<see cref="ListFacts"/>), so a page view costs no query for its
/// settings; inside one, and after a write in the same scope, they read the database and so see the scope's own writes.
public sealed class DocumentStore(CmsDbContext db, ListFacts facts)
{
    public async Task<JsonObject> GetAsync(string key, CancellationToken cancellationToken = default) =>
        await ReadAsync(key, cancellationToken) is { } data ? JsonNode.Parse(data)!.AsObject() : [];

    public async Task<T> GetAsync<T>(string key, CancellationToken cancellationToken = default) where T : new() =>
        await ReadAsync(key, cancellationToken) is { } data ? JsonSerializer.Deserialize<T>(data, ContentJson.Options) ?? new T() : new T();

    /// Like <see cref="GetAsync{T}"/>, but outside a transaction one object is shared by every request until the site
    /// next changes, so readers' pages do not deserialize it each time: callers must not change it.
    public async Task<T> GetSharedAsync<T>(string key, CancellationToken cancellationToken = default) where T : new() =>
        ListFacts.MayShareCopies(db)
            ? await facts.GetAsync($"document-object:{typeof(T).FullName}:{key}", () => GetAsync<T>(key, CancellationToken.None))
            : await GetAsync<T>(key, cancellationToken);

    private async Task<string?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!ListFacts.MayShareCopies(db))
        {
            return (await db.Documents.FindAsync([key], cancellationToken))?.Data;
        }

        return await facts.GetAsync("document:" + key, async () =>
            (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, CancellationToken.None))?.Data);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        await db.Documents.FindAsync([key], cancellationToken) is not null;

    public Task SaveAsync<T>(string key, T value, CancellationToken cancellationToken = default) =>
        SaveTextAsync(key, JsonSerializer.Serialize(value, ContentJson.Options), cancellationToken);

    private async Task SaveTextAsync(string key, string data, CancellationToken cancellationToken)
    {
        var record = await db.Documents.FindAsync([key], cancellationToken);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Key = key, Data = data });
        }
        else if (record.Data != data)
        {
            record.Data = data;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
