using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Nodes;

/// What lets several nodes serve one site: the keys that sign cookies kept in the site's database (so a sign-in on
/// one node is valid on all of them, and on no other site), and, with Redis configured, changes relayed between nodes
/// and one page cache for all of them. The keys are encrypted with the operator's certificate when one is configured.
public static class NodeServices
{
    public static IServiceCollection AddCmsNodes(this IServiceCollection services, IConfiguration configuration)
    {
        // The application name, not the folder each node runs from, decides which keys a cookie may be read with.
        services.AddDataProtection()
            .SetApplicationName(configuration[$"{KeyRingProtection.Section}:ApplicationName"] is { Length: > 0 } name ? name : "BlogSite")
            .PersistKeysToDbContext<CmsDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration);

        services.AddSingleton<SetupLock>();
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        if (RedisOptions.From(configuration).Enabled)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<RedisSiteChangeRelay>();
            services.AddSingleton<ISiteChangeListener>(sp => sp.GetRequiredService<RedisSiteChangeRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisSiteChangeRelay>());

            // Every node reads and fills one page cache; an eviction on one node is gone for all.
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection, IOptions<RedisOptions>>((cache, connection, redis) =>
            {
                cache.ConnectionMultiplexerFactory = async () => await connection.GetAsync();
                cache.InstanceName = redis.Value.ChannelPrefix + ":pages:";
            });
            services.DecorateOutputCacheStore((sp, store) => new RedisPageStore(store, sp.GetRequiredService<ILogger<RedisPageStore>>()));
        }

        return services;
    }
}
