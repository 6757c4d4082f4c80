using Microsoft.AspNetCore.OutputCaching;

namespace BlogSite.Cms.Content.Caching;

/// Evicts the cached pages that show what a committed change touched (see <see cref="ChangedContent"/>).
public sealed class OutputCacheEviction(IOutputCacheStore store) : ISiteChangeListener
{
    public async Task OnChangedAsync(SiteChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var tag in change.Tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
