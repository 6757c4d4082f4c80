using System.Globalization;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Testing;

/// The one way tests build a BlogSite host: a database of its own on the chosen engine, the real setup recipe with a
/// known administrator password and, as asked, a fake clock, extra settings, a real loopback port (for browsers)
/// and one user per role, all with the same password.
public sealed class TestSite : IAsyncDisposable
{
    public const string Password = "Correct-horse-42!";

    private TestSite(TestDatabase database, BlogSiteFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    /// Orchard Core's editing roles; the administrator is the setup's "admin", the others are named after their role.
    public static IReadOnlyList<string> Roles { get; } = ["Administrator", "Editor", "Author", "Contributor"];

    public TestDatabase Database { get; }

    public BlogSiteFactory Factory { get; }

    /// Set when the site serves on a real port.
    public Uri? BaseAddress { get; private set; }

    public static string UserNameOf(string role) => role == "Administrator" ? "admin" : role.ToLowerInvariant();

    public static async Task<TestSite> StartAsync(TestSiteOptions? options = null)
    {
        options ??= new TestSiteOptions();
        TestDatabase database = options.Engine == TestEngine.PostgreSql ? await PostgreSqlTestDatabase.CreateAsync() : new SqliteTestDatabase();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Setup:AdminPassword"] = Password,
            // Raised so tests that sign in often are not turned away; the rate limit's own test sets it back.
            ["BlogSite:Admin:SignInAttemptsPerMinute"] = options.SignInAttemptsPerMinute.ToString(CultureInfo.InvariantCulture),
            // The real SMTP server the test script starts (tests/services/smtp.sh); tests read what it received.
            ["BlogSite:Email:Host"] = "127.0.0.1",
            ["BlogSite:Email:Port"] = TestMailbox.Port.ToString(CultureInfo.InvariantCulture),
            ["BlogSite:Email:Security"] = "None",
            ["BlogSite:Email:From"] = "BlogSite tests <site@blogsite.test>",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var site = new TestSite(database, new BlogSiteFactory(settings) { Clock = options.Clock, Modules = options.Modules });
        if (options.OnLoopback)
        {
            site.BaseAddress = site.Factory.StartOnLoopback();
        }
        else
        {
            using var warmUp = site.Factory.CreateClient();
        }

        if (options.UsersByRole)
        {
            await site.AddRoleUsersAsync();
        }

        return site;
    }

    /// A client that does not follow redirects, so tests see them.
    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task AddRoleUsersAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        foreach (var role in Roles.Skip(1))
        {
            var user = new CmsUser { UserName = UserNameOf(role), Email = $"{UserNameOf(role)}@example.org" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }
}
