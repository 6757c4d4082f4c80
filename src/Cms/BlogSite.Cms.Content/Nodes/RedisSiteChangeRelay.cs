using System.Text.Json;
using BlogSite.Cms.Content.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// Tells the other nodes of the site what changed for readers, and is told of their changes, through a Redis
/// channel: a publish on one node evicts every node's cached pages and in-process caches within moments.
public sealed class RedisSiteChangeRelay(RedisConnection redis, SiteChangeFeed feed, ILogger<RedisSiteChangeRelay> logger)
    : BackgroundService, ISiteChangeListener
{
    private static readonly string NodeId = Guid.NewGuid().ToString("N");

    private RedisChannel ChangesChannel => RedisChannel.Literal(redis.Channel("changes"));

    public async Task OnChangedAsync(SiteChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.FromAnotherNode)
        {
            return;
        }

        try
        {
            var message = JsonSerializer.Serialize(new ChangeMessage(NodeId, [.. change.Tags]));
            await (await redis.GetAsync()).GetSubscriber().PublishAsync(ChangesChannel, message);
        }
        catch (RedisException e)
        {
            // The change is committed; the other nodes' caches expire on their own, and the health check shows Redis down.
            logger.LogWarning(e, "Could not tell the other nodes of a change through Redis.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = (await redis.GetAsync()).GetSubscriber();
        var queue = await subscriber.SubscribeAsync(ChangesChannel);
        stoppingToken.Register(() => queue.Unsubscribe());
        try
        {
            await foreach (var message in queue.WithCancellation(stoppingToken))
            {
                if (JsonSerializer.Deserialize<ChangeMessage>((string)message.Message!) is { } change && change.Node != NodeId)
                {
                    await feed.PublishAsync(new SiteChange(change.Tags.ToHashSet(StringComparer.Ordinal)) { FromAnotherNode = true }, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record ChangeMessage(string Node, string[] Tags);
}
