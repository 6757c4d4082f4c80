using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace BlogSite.Cms.Admin.Accounts;

/// The secrets in emailed links (invitations, password resets, address changes). Only a hash is stored, one per user
/// and purpose, in Identity's token table, so a newer link replaces an older one. A token works once, until it
/// expires (by the site's clock), and only while the user's security stamp is the one it was issued under: setting a
/// password or changing the address ends every link sent before.
public sealed class AccountTokens(UserManager<CmsUser> users, TimeProvider clock)
{
    private const string Provider = "BlogSite";

    public async Task<string> IssueAsync(CmsUser user, AccountLinkPurpose purpose, string? value = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(purpose);
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var stored = new StoredToken(Hash(secret), now, now.Add(purpose.Lifetime), await users.GetSecurityStampAsync(user), value);
        await users.SetAuthenticationTokenAsync(user, Provider, purpose.Name, JsonSerializer.Serialize(stored));
        return secret;
    }

    /// Whether a link of this kind that still works was sent less than <paramref name="within"/> ago: anyone may ask
    /// for a reset link, and each one would end the last, so a stranger could keep killing the owner's link.
    public async Task<bool> IssuedRecentlyAsync(CmsUser user, AccountLinkPurpose purpose, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return await StoredAsync(user, purpose) is { } stored && await IsLiveAsync(user, stored) && stored.IssuedUtc > clock.GetUtcNow() - within;
    }

    /// The value the token was issued with ("" when none) while it is good; null when it is unknown, used, expired or
    /// issued before the last password or address change.
    public async Task<string?> CheckAsync(CmsUser user, AccountLinkPurpose purpose, string? secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(purpose);
        if (string.IsNullOrEmpty(secret) || await StoredAsync(user, purpose) is not { } stored)
        {
            return null;
        }

        var good = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.Hash), Encoding.ASCII.GetBytes(Hash(secret)))
            && await IsLiveAsync(user, stored);
        return good ? stored.Value ?? "" : null;
    }

    private async Task<StoredToken?> StoredAsync(CmsUser user, AccountLinkPurpose purpose) =>
        await users.GetAuthenticationTokenAsync(user, Provider, purpose.Name) is { } json ? JsonSerializer.Deserialize<StoredToken>(json) : null;

    private async Task<bool> IsLiveAsync(CmsUser user, StoredToken stored) =>
        stored.ExpiresUtc > clock.GetUtcNow() && stored.SecurityStamp == await users.GetSecurityStampAsync(user);

    /// Ends the token once it has been used.
    public async Task ForgetAsync(CmsUser user, AccountLinkPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        await users.RemoveAuthenticationTokenAsync(user, Provider, purpose.Name);
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private sealed record StoredToken(string Hash, DateTimeOffset IssuedUtc, DateTimeOffset ExpiresUtc, string? SecurityStamp, string? Value);
}
