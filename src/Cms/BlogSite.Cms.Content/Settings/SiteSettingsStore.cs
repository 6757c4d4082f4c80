using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Settings;

/// Site settings, read once per scope: a public page asks for them from its route, its list and its layout.
public sealed class SiteSettingsStore(DocumentStore documents)
{
    private const string DocumentKey = "SiteSettings";

    private SiteSettings? current;

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default) =>
        current ??= new(await documents.GetAsync(DocumentKey, cancellationToken));

    /// Each top-level key replaces the stored one; keys not named stay.
    public async Task MergeAsync(JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        current = null;
        var stored = await documents.GetAsync(DocumentKey, cancellationToken);
        foreach (var (key, value) in settings)
        {
            stored[key] = value?.DeepClone();
        }

        await documents.SaveAsync(DocumentKey, stored, cancellationToken);
    }
}
