using BlogSite.Cms.Content.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Web.Hosting;

/// Whether this node can reach the Redis the site's nodes share.
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.GetAsync()).GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (StackExchange.Redis.RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis cannot be reached.", e);
        }
    }
}
