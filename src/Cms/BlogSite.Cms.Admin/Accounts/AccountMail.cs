using System.Net;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Admin.Accounts;

/// The messages that carry account links. Links start at the site's Base URL when it is set, so a Host header sent
/// with an anonymous "forgot password" request cannot point a reset link at another site.
public sealed class AccountMail(AccountTokens tokens, EmailSender email, SiteSettingsStore settings)
{
    public async Task SendInvitationAsync(CmsUser user, string invitedBy, Uri? siteRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await settings.GetAsync(cancellationToken);
        var link = await LinkAsync(user, AccountLinkPurpose.Invitation, "/account/accept", siteRoot);
        await email.SendAsync(new EmailMessage(user.Email!, $"You are invited to {site.SiteName}", $"""
            Hello {user.ShownName},

            {invitedBy} invited you to write for {site.SiteName}. Your user name is {user.UserName}.
            Choose your password here (the link works once, for {Days(AccountLinkPurpose.Invitation)} days):

            {link}
            """), cancellationToken);
    }

    public async Task SendPasswordResetAsync(CmsUser user, Uri? siteRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await settings.GetAsync(cancellationToken);
        var link = await LinkAsync(user, AccountLinkPurpose.PasswordReset, "/account/reset", siteRoot);
        await email.SendAsync(new EmailMessage(user.Email!, $"Choose a new password for {site.SiteName}", $"""
            Hello {user.ShownName},

            Someone asked to reset the password of {user.UserName} on {site.SiteName}. If it was you, choose a new
            password here (the link works once, for {AccountLinkPurpose.PasswordReset.Lifetime.TotalHours:0} hours):

            {link}

            If it was not you, ignore this message: your password stays as it is.
            """), cancellationToken);
    }

    public async Task SendEmailChangeAsync(CmsUser user, string newEmail, Uri? siteRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await settings.GetAsync(cancellationToken);
        var link = await LinkAsync(user, AccountLinkPurpose.EmailChange, "/account/confirm-email", siteRoot, newEmail);
        await email.SendAsync(new EmailMessage(newEmail, $"Confirm your new address for {site.SiteName}", $"""
            Hello {user.ShownName},

            Confirm that {site.SiteName} should write to this address from now on (the link works once, for
            {Days(AccountLinkPurpose.EmailChange)} day):

            {link}
            """), cancellationToken);
    }

    /// Tells the address an account is leaving, so its owner learns of a change they did not make.
    public async Task SendEmailChangeNoticeAsync(CmsUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var site = await settings.GetAsync(cancellationToken);
        await email.SendAsync(new EmailMessage(user.Email!, $"Your address for {site.SiteName} is changing", $"""
            Hello {user.ShownName},

            Someone signed in as {user.UserName} asked {site.SiteName} to use {newEmail} instead of this address. The change
            happens once the link sent to {newEmail} is followed.

            If it was not you, change your password now and tell the site's administrator.
            """), cancellationToken);
    }

    /// Where links start: the site's Base URL. Without one, only a request made on this machine itself (localhost, as
    /// on a fresh clone) may name the address; any other Host header could be an attacker's, who would then receive
    /// the link's secret. Null when there is no address links may safely use.
    public async Task<Uri?> LinkRootAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = await settings.GetAsync();
        if (site.BaseUrl is { } baseUrl)
        {
            return baseUrl;
        }

        var host = request.Host.Host;
        var local = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return local ? PublicAddress.BaseOf(request, site) : null;
    }

    public const string NoLinkRootMessage =
        "E-mailed links need the site's Base URL (Settings → Base URL), so that they lead to this site and not to whatever address a request names.";

    private async Task<string> LinkAsync(CmsUser user, AccountLinkPurpose purpose, string page, Uri? siteRoot, string? value = null)
    {
        if (siteRoot is null)
        {
            throw new EmailSendException(NoLinkRootMessage, null);
        }

        var secret = await tokens.IssueAsync(user, purpose, value);
        return new Uri(siteRoot, $"{page.TrimStart('/')}?user={Uri.EscapeDataString(user.Id)}&token={secret}").AbsoluteUri;
    }

    private static int Days(AccountLinkPurpose purpose) => (int)purpose.Lifetime.TotalDays;
}
