using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// The nodes' shared page cache in Redis, which a reader never pays for Redis being away: a page that cannot be read
/// from it is rendered, one that cannot be stored is not kept. An eviction that fails is logged; the nodes clear their
/// caches when Redis is back (<see cref="RedisSiteChangeRelay"/>).
public sealed class RedisPageStore(IOutputCacheStore redis, ILogger<RedisPageStore> logger) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "A cached page could not be read from Redis; rendering it.");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "A page could not be kept in Redis.");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Cached pages tagged {Tag} could not be evicted from Redis.", tag);
        }
    }
}
