using System.Text.Json;
using BlogSite.Cms.Content.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Content.Nodes;

/// Tells the other nodes of the site what changed for readers, and is told of their changes, through a Redis
/// channel: a publish on one node evicts every node's cached pages and in-process caches within moments.
/// Redis being away never fails a save: telling the others is sent without waiting, and a node that was cut off
/// (not yet subscribed, or reconnected after Redis came back) clears what it caches, since it may have missed changes.
public sealed class RedisSiteChangeRelay(RedisConnection redis, SiteChangeFeed feed, ILogger<RedisSiteChangeRelay> logger)
    : BackgroundService, ISiteChangeListener
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// This node, among the processes sharing the channel (several may run in one process, as in the tests).
    private readonly string nodeId = Guid.NewGuid().ToString("N");

    private bool watchingReconnects;

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
            var message = JsonSerializer.Serialize(new ChangeMessage(nodeId, [.. change.Tags]));
            await (await redis.GetAsync()).GetSubscriber().PublishAsync(ChangesChannel, message, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The change is committed here; the other nodes clear their caches when they next reconnect.
            logger.LogWarning(e, "Could not tell the other nodes of a change through Redis.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await redis.GetAsync();
                if (!watchingReconnects)
                {
                    connection.ConnectionRestored += (_, _) => _ = ForgetEverythingAsync(stoppingToken);
                    watchingReconnects = true;
                }

                var queue = await connection.GetSubscriber().SubscribeAsync(ChangesChannel);
                // Changes made before the subscription took hold were not heard.
                await ForgetEverythingAsync(stoppingToken);
                retry = TimeSpan.FromSeconds(1);
                await foreach (var message in queue.WithCancellation(stoppingToken))
                {
                    await ApplyAsync(message.Message, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Could not listen to the other nodes through Redis; trying again in {Seconds} s.", retry.TotalSeconds);
                await Task.Delay(retry, stoppingToken);
                retry = retry * 2 > LongestRetry ? LongestRetry : retry * 2;
            }
        }
    }

    private async Task ApplyAsync(RedisValue message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.HasValue && JsonSerializer.Deserialize<ChangeMessage>((string)message!) is { Node: { } node, Tags: { } tags } && node != nodeId)
            {
                await feed.PublishAsync(new SiteChange(tags.ToHashSet(StringComparer.Ordinal)) { FromAnotherNode = true }, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad message must not end the listening, or every node would keep stale pages from then on.
            logger.LogWarning(e, "A change relayed through Redis could not be applied.");
        }
    }

    private async Task ForgetEverythingAsync(CancellationToken stoppingToken)
    {
        try
        {
            await feed.PublishAsync(new SiteChange(new HashSet<string>(StringComparer.Ordinal) { CacheTags.Site }) { FromAnotherNode = true }, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The caches could not be cleared after reconnecting to Redis.");
        }
    }

    private sealed record ChangeMessage(string? Node, string[]? Tags);
}
