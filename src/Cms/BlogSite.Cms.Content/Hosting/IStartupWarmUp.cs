namespace BlogSite.Cms.Content.Hosting;

/// Work a module does once the database is ready, on the second core while the host finishes starting, so the first
/// reader finds what every page needs already computed (a list's order, the navigation's counts) instead of paying for
/// it: a cold start is counted up to the first page served.
public interface IStartupWarmUp
{
    Task WarmUpAsync(IServiceProvider services, CancellationToken cancellationToken);
}
