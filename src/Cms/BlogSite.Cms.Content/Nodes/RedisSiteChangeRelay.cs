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
/// Redis does not promise to deliver a published message, so every change also counts up a number in Redis that each
/// node reads every second: a change counted a second ago and not heard by now makes the node clear its caches.
public sealed class RedisSiteChangeRelay(RedisConnection redis, SiteChangeFeed feed, ILogger<RedisSiteChangeRelay> logger)
    : BackgroundService, ISiteChangeListener
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// Counts the change and sends it with its number, in one step, so no node sees the count before the message.
    private const string CountAndPublish = "local n = redis.call('INCR', KEYS[1]) redis.call('PUBLISH', ARGV[1], n .. ' ' .. ARGV[2]) return n";

    /// This node, among the processes sharing the channel (several may run in one process, as in the tests).
    private readonly string nodeId = Guid.NewGuid().ToString("N");

    private bool watchingReconnects;

    /// A change made here could not be sent; when Redis is back the others are told to clear everything.
    private volatile bool unsent;

    /// The number of the latest change this node has heard of (or caught up with); unknown until the first check.
    private long heard = long.MinValue;

    /// The count read at the previous check: a message for each change up to it should have come by the next.
    private long countedBefore = long.MinValue;

    private RedisChannel ChangesChannel => RedisChannel.Literal(redis.Channel("changes"));

    private RedisKey CountKey => redis.Channel("changes:count");

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
            await (await redis.GetAsync()).GetDatabase().ScriptEvaluateAsync(
                CountAndPublish, [CountKey], [(string)ChangesChannel!, message], CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The change is committed here; once Redis is back, the other nodes are told to clear their caches.
            unsent = true;
            logger.LogWarning(e, "Could not tell the other nodes of a change through Redis.");
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), CatchUpAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await redis.GetAsync();
                if (!watchingReconnects)
                {
                    connection.ConnectionRestored += (_, _) => _ = Task.WhenAll(ForgetEverythingAsync(stoppingToken), TellOfUnsentChangesAsync(stoppingToken));
                    watchingReconnects = true;
                }

                var queue = await connection.GetSubscriber().SubscribeAsync(ChangesChannel);
                // Changes made before the subscription took hold were not heard.
                await ForgetEverythingAsync(stoppingToken);
                await TellOfUnsentChangesAsync(stoppingToken);
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

    /// Once a second: if a change counted at the previous check has still not been heard, its message was lost.
    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var count = (long?)await (await redis.GetAsync()).GetDatabase().StringGetAsync(CountKey) ?? 0;
                    var latestHeard = Interlocked.Read(ref heard);
                    if (latestHeard == long.MinValue || count < latestHeard)
                    {
                        // The first check, or a Redis that restarted without its data: start counting from here.
                        Interlocked.Exchange(ref heard, count);
                    }
                    else if (countedBefore > latestHeard)
                    {
                        logger.LogWarning("Changes made on other nodes were not heard through Redis; clearing this node's caches.");
                        Hear(countedBefore);
                        await ForgetEverythingAsync(stoppingToken);
                    }

                    countedBefore = count;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // The listener logs Redis being away and clears the caches when it is back.
                    countedBefore = long.MinValue;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Hear(long number)
    {
        var latest = Interlocked.Read(ref heard);
        while (number > latest && Interlocked.CompareExchange(ref heard, number, latest) != latest)
        {
            latest = Interlocked.Read(ref heard);
        }
    }

    private async Task ApplyAsync(RedisValue message, CancellationToken stoppingToken)
    {
        try
        {
            var text = message.HasValue ? (string)message! : "";
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(text.AsSpan(0, space), System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                // Changes are numbered in the order Redis sends them: a number skipped is a message lost.
                var latest = Interlocked.Read(ref heard);
                Hear(number);
                if (latest != long.MinValue && number > latest + 1)
                {
                    logger.LogWarning("Changes {From} to {To} made on other nodes were not heard through Redis; clearing this node's caches.", latest + 1, number - 1);
                    await ForgetEverythingAsync(stoppingToken);
                }
            }

            if (JsonSerializer.Deserialize<ChangeMessage>(text.AsSpan(space + 1)) is { Node: { } node, Tags: { } tags } && node != nodeId)
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

    private async Task TellOfUnsentChangesAsync(CancellationToken stoppingToken)
    {
        if (unsent)
        {
            unsent = false;
            await OnChangedAsync(new SiteChange(new HashSet<string>(StringComparer.Ordinal) { CacheTags.Site }), stoppingToken);
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
