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
        var stored = new StoredToken(Hash(secret), clock.GetUtcNow().Add(purpose.Lifetime), await users.GetSecurityStampAsync(user), value);
        await users.SetAuthenticationTokenAsync(user, Provider, purpose.Name, JsonSerializer.Serialize(stored));
        return secret;
    }

    /// The value the token was issued with ("" when none) while it is good; null when it is unknown, used, expired or
    /// issued before the last password or address change.
    public async Task<string?> CheckAsync(CmsUser user, AccountLinkPurpose purpose, string? secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(purpose);
        if (string.IsNullOrEmpty(secret)
            || await users.GetAuthenticationTokenAsync(user, Provider, purpose.Name) is not { } json
            || JsonSerializer.Deserialize<StoredToken>(json) is not { } stored)
        {
            return null;
        }

        var good = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.Hash), Encoding.ASCII.GetBytes(Hash(secret)))
            && stored.ExpiresUtc > clock.GetUtcNow()
            && stored.SecurityStamp == await users.GetSecurityStampAsync(user);
        return good ? stored.Value ?? "" : null;
    }

    /// Ends the token once it has been used.
    public async Task ForgetAsync(CmsUser user, AccountLinkPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        await users.RemoveAuthenticationTokenAsync(user, Provider, purpose.Name);
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private sealed record StoredToken(string Hash, DateTimeOffset ExpiresUtc, string? SecurityStamp, string? Value);
}
