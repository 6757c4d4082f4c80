using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Admin.Security;

/// A browser an account has signed in from before carries a signed cookie naming that account and the browser. Its
/// failed attempts at that account are counted for the browser alone, so a stranger guessing from the same address
/// (an office, a café, a phone network) cannot keep the owner out; the cookie opens nothing by itself.
public sealed class KnownDevice(IDataProtectionProvider protection)
{
    public const string CookieName = "BlogSite.Device";

    private readonly IDataProtector protector = protection.CreateProtector("BlogSite.Admin.KnownDevice");

    /// Who failed attempts at <paramref name="userName"/> are counted for: this browser when it has signed in to the
    /// account before, else its address.
    public string SourceOf(HttpContext context, string userName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DeviceOf(context.Request, userName) is { } device
            ? $"device:{device}"
            : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// After a correct password: this browser is known to the account from now on (for a year).
    public void Remember(HttpContext context, string userName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var device = DeviceOf(context.Request, userName) ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, protector.Protect($"{Normal(userName)}\n{device}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/login",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    private string? DeviceOf(HttpRequest request, string userName)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && parts[0] == Normal(userName) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Normal(string userName) => userName.Trim().ToUpperInvariant();
}
