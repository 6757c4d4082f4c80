using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// A limit of so many permits per window, counted in Redis so that every node of the site counts the same attempts
/// (an attacker spreading sign-in attempts over the nodes behind a load balancer gets no more than against one).
/// When Redis cannot be reached the attempt is allowed and logged: Identity's lockout still guards each account.
public sealed class RedisFixedWindowLimiter(
    RedisConnection redis, string key, int permitLimit, TimeSpan window, TimeProvider clock, ILogger logger) : RateLimiter
{
    // Nothing is held in this process, so the partitioned limiter may drop this object whenever it likes.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        AcquireAsyncCore(permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowIndex = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var counter = $"{key}:{windowIndex.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            var database = (await redis.GetAsync()).GetDatabase();
            var count = await database.StringIncrementAsync(counter, permitCount);
            if (count == permitCount)
            {
                await database.KeyExpireAsync(counter, window + window);
            }

            var retryAfter = TimeSpan.FromMilliseconds((windowIndex + 1) * (long)window.TotalMilliseconds - now.ToUnixTimeMilliseconds());
            return new Lease(count <= permitLimit, retryAfter);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "The shared sign-in limit could not be counted in Redis; the attempt is allowed.");
            return new Lease(true, TimeSpan.Zero);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
