namespace BlogSite.Cms.Content.Caching;

/// Told of every committed change to what readers see (see <see cref="SiteChangeFeed"/>).
public interface ISiteChangeListener
{
    Task OnChangedAsync(SiteChange change, CancellationToken cancellationToken);
}
