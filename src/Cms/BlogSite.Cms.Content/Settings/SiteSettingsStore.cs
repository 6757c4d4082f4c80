using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Settings;

public sealed class SiteSettingsStore(DocumentStore documents)
{
    private const string DocumentKey = "SiteSettings";

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) =>
        new(await documents.GetAsync(DocumentKey, cancellationToken));

    /// Each top-level key replaces the stored one; keys not named stay.
    public async Task MergeAsync(JsonObject settings, CancellationToken cancellationToken = default)
    {
        var current = await documents.GetAsync(DocumentKey, cancellationToken);
        foreach (var (key, value) in settings)
        {
            current[key] = value?.DeepClone();
        }

        await documents.SaveAsync(DocumentKey, current, cancellationToken);
    }
}
