using System.Threading.Channels;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Admin.Accounts;

/// "Forgot password?" requests, answered by the page at once and mailed from here. Looking the address up, issuing the
/// link and talking to the mail server all happen after the reply, so how long the page takes tells nobody whether
/// the address has an account.
public sealed class PasswordResetMailer(IServiceScopeFactory scopes, ILogger<PasswordResetMailer> logger) : BackgroundService
{
    /// While a link sent this recently still works, asking again sends nothing.
    public static readonly TimeSpan Resend = TimeSpan.FromMinutes(5);

    // Bounded, and dropping the newest when full: a flood of requests cannot grow memory or delay the site.
    private readonly Channel<(string Email, Uri? SiteRoot)> requests =
        Channel.CreateBounded<(string, Uri?)>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string email, Uri? siteRoot) => requests.Writer.TryWrite((email, siteRoot));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (email, siteRoot) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
                // An address two accounts share (an old import) gets no link rather than a link for the wrong account.
                if (await users.SoleOwnerOfEmailAsync(email, stoppingToken) is { IsEnabled: true } user
                    && !await scope.ServiceProvider.GetRequiredService<AccountTokens>().IssuedRecentlyAsync(user, AccountLinkPurpose.PasswordReset, Resend))
                {
                    await scope.ServiceProvider.GetRequiredService<AccountMail>().SendPasswordResetAsync(user, siteRoot, stoppingToken);
                }
            }
            catch (EmailSendException e)
            {
                logger.LogWarning("A password reset link was not sent: {Reason}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A password reset link could not be sent.");
            }
        }
    }
}
