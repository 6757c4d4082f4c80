using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Content.Features;

/// Enables and disables features in dependency order and remembers which are on. What is on is read once and kept
/// in memory until a change here, so the gate on every request costs no query.
public sealed class FeatureManager(
    FeatureCatalog catalog, DocumentStore documents, ContentDefinitionStore definitions, IMemoryCache cache, IEnumerable<IFeatureListener> listeners,
    SiteChangeFeed changes)
{
    private const string DocumentKey = "Features";
    private const string CacheKey = "enabled-features";

    public async Task<IReadOnlyList<string>> GetEnabledAsync(CancellationToken cancellationToken = default) =>
        [.. await EnabledSetAsync(cancellationToken)];

    public async Task<bool> IsEnabledAsync(string id, CancellationToken cancellationToken = default) =>
        (await EnabledSetAsync(cancellationToken)).Contains(id);

    /// Turns the features off, and every feature that depends on them; features every site has stay on. Returns
    /// what was switched off (ids the catalog does not know are ignored).
    public async Task<IReadOnlyList<string>> DisableAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var state = await documents.GetAsync<EnabledFeatures>(DocumentKey, cancellationToken);
        var affected = catalog.WithDependents(ids).Where(f => !f.AlwaysEnabled).ToList();
        var off = affected
            .Where(f => state.Enabled.Contains(f.Id, StringComparer.OrdinalIgnoreCase) || f.OnByDefault)
            .Select(f => f.Id)
            .ToList();
        state.Enabled.RemoveAll(id => off.Contains(id, StringComparer.OrdinalIgnoreCase));
        state.Disabled.AddRange(affected.Where(f => f.OnByDefault && !state.Disabled.Contains(f.Id)).Select(f => f.Id));
        await documents.SaveAsync(DocumentKey, state, cancellationToken);
        cache.Remove(Key());
        return off;
    }

    private async Task<HashSet<string>> EnabledSetAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(Key(), async entry =>
        {
            // Another node's change is seen within this time (until nodes share an invalidation signal).
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            var state = await documents.GetAsync<EnabledFeatures>(DocumentKey, cancellationToken);
            return state.Enabled
                .Concat(catalog.All.Where(f => f.OnByDefault && !state.Disabled.Contains(f.Id, StringComparer.OrdinalIgnoreCase)).Select(f => f.Id))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
        }))!;

    // Named by the change generation: a read that began before a change and finishes after it (the scheduled publisher
    // runs beside the admin) lands under the old name and is never served once the change is committed.
    private string Key() => $"{CacheKey}:{changes.ListGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// Turns on the features every site has; a no-op once they are on.
    public Task EnsureAlwaysEnabledAsync(CancellationToken cancellationToken = default) =>
        EnableAsync(catalog.All.Where(f => f.AlwaysEnabled).Select(f => f.Id), cancellationToken);

    /// Returns the ids the catalog does not know; they are enabled nowhere, and the caller decides how to report them.
    public async Task<IReadOnlyList<string>> EnableAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var (ordered, unknown) = catalog.Resolve(ids);
        var state = await documents.GetAsync<EnabledFeatures>(DocumentKey, cancellationToken);
        var switchedOn = new List<FeatureDescriptor>();
        foreach (var feature in ordered)
        {
            if (state.Enabled.Contains(feature.Id, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            switchedOn.Add(feature);

            if (feature.ContentDefinitions is not null)
            {
                await definitions.MergeAsync(feature.ContentDefinitions, cancellationToken);
            }

            state.Enabled.Add(feature.Id);
        }

        state.Disabled.RemoveAll(id => ordered.Any(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase)));

        await documents.SaveAsync(DocumentKey, state, cancellationToken);
        cache.Remove(Key());
        if (switchedOn.Count > 0)
        {
            foreach (var listener in listeners)
            {
                await listener.EnabledAsync(switchedOn, cancellationToken);
            }
        }

        return unknown;
    }

    private sealed class EnabledFeatures
    {
        public List<string> Enabled { get; set; } = [];

        /// Features on by default that were turned off.
        public List<string> Disabled { get; set; } = [];
    }
}
