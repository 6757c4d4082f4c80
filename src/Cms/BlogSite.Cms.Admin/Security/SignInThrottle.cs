using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BlogSite.Cms.Content.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace BlogSite.Cms.Admin.Security;

/// Slows the guessing of one account's password from one address, without ever locking the account: after a few
/// failures from an address, each further attempt at that account from it waits twice as long as the one before (at
/// most 15 minutes). Someone else hammering the administrator's name slows only themselves; the owner, from their
/// own address or a browser they signed in from before, signs in as usual. Kept by user name whether or not the
/// account exists, so it tells nothing. With Redis configured the failures are counted there, the same on every node
/// (spreading guesses over the nodes gains nothing); while Redis is away, each node counts its own.
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock, ILogger<SignInThrottle> logger, RedisConnection? redis = null)
{
    private const int FreeFailures = 3;
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    // How long failures are remembered after the last one: longer than the longest wait, so a guesser who waits it
    // out meets the same wait again instead of three free tries.
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(24);

    /// How long the next attempt at <paramref name="userName"/> from <paramref name="source"/> must still wait.
    public async Task<TimeSpan?> WaitForAsync(string userName, string source)
    {
        var key = Key(userName, source);
        if (await RedisAsync() is { } db)
        {
            try
            {
                return await db.StringGetAsync(key + ":next") is { HasValue: true } stored && long.TryParse(stored.ToString(), CultureInfo.InvariantCulture, out var ms)
                    ? Left(DateTimeOffset.FromUnixTimeMilliseconds(ms))
                    : null;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Sign-in failures are counted by this node alone while Redis cannot be reached.");
            }
        }

        return cache.TryGetValue(key, out Failures? failures) ? Left(failures!.NextAttemptUtc) : null;
    }

    /// Counts an attempt as failed before its password is checked, so attempts sent in parallel cannot all pass the
    /// wait; <see cref="SucceededAsync"/> forgets them when the password is right.
    public async Task FailedAsync(string userName, string source)
    {
        var key = Key(userName, source);
        if (await RedisAsync() is { } db)
        {
            try
            {
                var counting = db.CreateTransaction();
                var counted = counting.StringIncrementAsync(key);
                _ = counting.KeyExpireAsync(key, Remembered);
                await counting.ExecuteAsync();
                if (WaitAfter((int)await counted) is { } wait)
                {
                    var next = (clock.GetUtcNow() + wait).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    await db.StringSetAsync(key + ":next", next, Remembered);
                }

                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Sign-in failures are counted by this node alone while Redis cannot be reached.");
            }
        }

        var failures = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = Remembered;
            entry.Size = 1;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (WaitAfter(failures.Count) is { } wait)
            {
                failures.NextAttemptUtc = clock.GetUtcNow() + wait;
            }
        }
    }

    public async Task SucceededAsync(string userName, string source)
    {
        var key = Key(userName, source);
        cache.Remove(key);
        if (await RedisAsync() is { } db)
        {
            try
            {
                await db.KeyDeleteAsync([key, key + ":next"]);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Could not clear the sign-in failures kept in Redis.");
            }
        }
    }

    private TimeSpan? Left(DateTimeOffset? next) => next is { } at && at > clock.GetUtcNow() ? at - clock.GetUtcNow() : null;

    /// No wait for the first few failures, then one that doubles with each failure.
    private static TimeSpan? WaitAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return null;
        }

        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - FreeFailures, 20)));
        return wait < LongestWait ? wait : LongestWait;
    }

    private async Task<IDatabase?> RedisAsync() => redis is null ? null : (await redis.GetAsync()).GetDatabase();

    private string Key(string userName, string source)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"sign-in-failures:{Network(source)}:{userName.Trim().ToUpperInvariant()}");
        return redis is null ? key : redis.Channel(key);
    }

    /// One IPv6 machine usually holds a whole /64, so its addresses count as one.
    private static string Network(string address)
    {
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6 || ip.IsIPv4MappedToIPv6)
        {
            return address;
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset? NextAttemptUtc { get; set; }
    }
}
