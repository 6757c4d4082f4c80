using BlogSite.Cms.Content.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Web.Hosting;

public sealed class DatabaseHealthCheck(CmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
