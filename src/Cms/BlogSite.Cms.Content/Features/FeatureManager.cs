using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Storage;

namespace BlogSite.Cms.Content.Features;

/// Enables features in dependency order and remembers which are on.
public sealed class FeatureManager(FeatureCatalog catalog, DocumentStore documents, ContentDefinitionStore definitions)
{
    private const string DocumentKey = "Features";

    public async Task<IReadOnlyList<string>> GetEnabledAsync(CancellationToken cancellationToken = default) =>
        (await documents.GetAsync<EnabledFeatures>(DocumentKey, cancellationToken)).Enabled;

    /// Turns on the features every site has; a no-op once they are on.
    public Task EnsureAlwaysEnabledAsync(CancellationToken cancellationToken = default) =>
        EnableAsync(catalog.All.Where(f => f.AlwaysEnabled).Select(f => f.Id), cancellationToken);

    /// Returns the ids the catalog does not know; they are enabled nowhere, and the caller decides how to report them.
    public async Task<IReadOnlyList<string>> EnableAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var (ordered, unknown) = catalog.Resolve(ids);
        var state = await documents.GetAsync<EnabledFeatures>(DocumentKey, cancellationToken);
        foreach (var feature in ordered)
        {
            if (state.Enabled.Contains(feature.Id, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (feature.ContentDefinitions is not null)
            {
                await definitions.MergeAsync(feature.ContentDefinitions, cancellationToken);
            }

            state.Enabled.Add(feature.Id);
        }

        await documents.SaveAsync(DocumentKey, state, cancellationToken);
        return unknown;
    }

    private sealed class EnabledFeatures
    {
        public List<string> Enabled { get; set; } = [];
    }
}
