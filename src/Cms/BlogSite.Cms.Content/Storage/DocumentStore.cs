using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Storage;

/// Site-wide JSON documents by key. Writes join the caller's transaction; nothing is cached across requests yet.
public sealed class DocumentStore(CmsDbContext db)
{
    public async Task<JsonObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = await db.Documents.FindAsync([key], cancellationToken);
        return record is null ? [] : JsonNode.Parse(record.Data)!.AsObject();
    }

    public async Task<T> GetAsync<T>(string key, CancellationToken cancellationToken = default) where T : new()
    {
        var record = await db.Documents.FindAsync([key], cancellationToken);
        return record is null ? new T() : JsonSerializer.Deserialize<T>(record.Data, ContentJson.Options) ?? new T();
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
