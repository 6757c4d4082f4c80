using System.Threading.Channels;
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
    // Bounded, and dropping the newest when full: a flood of requests cannot grow memory or delay the site.
    private readonly Channel<(string Email, Uri SiteRoot)> requests =
        Channel.CreateBounded<(string, Uri)>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string email, Uri siteRoot) => requests.Writer.TryWrite((email, siteRoot));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (email, siteRoot) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
                if (await users.FindByEmailAsync(email) is { IsEnabled: true } user)
                {
                    await scope.ServiceProvider.GetRequiredService<AccountMail>().SendPasswordResetAsync(user, siteRoot, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A password reset link could not be sent.");
            }
        }
    }
}
