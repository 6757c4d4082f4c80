using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// The browser site with one user per editing role and a fake clock, so scheduled posts fall due when a test says.
public sealed class EditorBrowserFixture : BrowserSiteFixture
{
    public static IReadOnlyList<string> Roles { get; } = ["Editor", "Author", "Contributor"];

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;

    protected override async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        foreach (var role in Roles)
        {
            var user = new CmsUser { UserName = role.ToLowerInvariant(), Email = $"{role.ToLowerInvariant()}@example.org" };
            Assert.True((await users.CreateAsync(user, AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    /// A new browser context signed in as <paramref name="userName"/>, on the dashboard.
    public async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return (context, await SignInAsync(context, userName));
    }
}
