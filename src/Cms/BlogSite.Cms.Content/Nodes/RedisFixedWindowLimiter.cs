using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// A limit of so many permits per window, counted in Redis so that every node of the site counts the same attempts
/// (an attacker spreading sign-in attempts over the nodes behind a load balancer gets no more than against one).
/// When Redis cannot be reached the attempt is counted by this node alone, and logged.
public sealed class RedisFixedWindowLimiter(
    RedisConnection redis, string key, int permitLimit, TimeSpan window, TimeProvider clock, ILogger logger) : RateLimiter
{
    private readonly FixedWindowRateLimiter local = new(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });

    // Only the stand-in keeps state here; once it is idle, the partitioned limiter may drop this object.
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    // ASP.NET Core tries the synchronous path first and falls back to the asynchronous one when it is refused: Redis is
    // asked once, without blocking a thread.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Lease(false, TimeSpan.Zero, synchronousRefusal: true);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowIndex = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var counter = $"{key}:{windowIndex.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            var database = (await redis.GetAsync()).GetDatabase();
            // Sent together; the expiry is set only on the window's first count, so the key never outlives it long.
            var counting = database.StringIncrementAsync(counter, permitCount);
            var expiring = database.KeyExpireAsync(counter, window + window, ExpireWhen.HasNoExpiry);
            var count = await counting;
            await expiring;

            var retryAfter = TimeSpan.FromMilliseconds((windowIndex + 1) * (long)window.TotalMilliseconds - now.ToUnixTimeMilliseconds());
            return new Lease(count <= permitLimit, retryAfter);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "The shared sign-in limit could not be counted in Redis; this node counts alone meanwhile.");
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan retryAfter, bool synchronousRefusal = false) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired || synchronousRefusal ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && !synchronousRefusal && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
