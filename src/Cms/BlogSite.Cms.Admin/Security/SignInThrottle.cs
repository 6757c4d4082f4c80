using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Admin.Security;

/// Slows the guessing of one account's password from one address, without ever locking the account: after a few
/// failures from an address, each further attempt at that account from it waits twice as long as the one before (at
/// most 15 minutes). Someone else hammering the administrator's name slows only themselves; the owner, from their
/// own address, signs in as usual. Kept by user name whether or not the account exists, so it tells nothing.
public sealed class SignInThrottle(IMemoryCache cache, TimeProvider clock)
{
    private const int FreeFailures = 3;
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// How long the next attempt at <paramref name="userName"/> from <paramref name="address"/> must still wait.
    public TimeSpan? WaitFor(string userName, string address) =>
        cache.TryGetValue(Key(userName, address), out Failures? failures) && failures!.NextAttemptUtc is { } next && next > clock.GetUtcNow()
            ? next - clock.GetUtcNow()
            : null;

    /// Counts an attempt as failed before its password is checked, so attempts sent in parallel cannot all pass the
    /// wait; <see cref="Succeeded"/> forgets them when the password is right.
    public void Failed(string userName, string address)
    {
        var key = Key(userName, address);
        var failures = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = LongestWait;
            entry.Size = 1;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (failures.Count >= FreeFailures)
            {
                var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures.Count - FreeFailures, 20)));
                failures.NextAttemptUtc = clock.GetUtcNow() + (wait < LongestWait ? wait : LongestWait);
            }
        }
    }

    public void Succeeded(string userName, string address) => cache.Remove(Key(userName, address));

    private static string Key(string userName, string address) =>
        string.Create(CultureInfo.InvariantCulture, $"sign-in-failures:{Network(address)}:{userName.Trim().ToUpperInvariant()}");

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
