using System.Net;
using System.Text.RegularExpressions;
using BlogSite.Cms.Content.Users;
using BlogSite.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// A site set up from the bundled recipe with a known administrator password and one user per other role. Its
/// sign-in rate limit is raised so tests that sign in often are not turned away (SignInRateLimitTests checks it).
public partial class AdminSite : IAsyncLifetime
{
    public const string Password = "Correct-horse-42!";

    private TestDatabase? database;

    public BlogSiteFactory Factory { get; private set; } = null!;

    protected virtual int SignInAttemptsPerMinute => 1_000;

    /// Settings a derived site adds or overrides.
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// The site's clock; null for the real one.
    protected virtual TimeProvider? Clock => null;

    /// Where the site's data lives; the PostgreSQL sites of the admin tests override this.
    protected virtual async Task<TestDatabase> CreateDatabaseAsync() => await Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    public string MediaFolder => database?.MediaFolder ?? throw new InvalidOperationException("Not initialized.");

    public static IReadOnlyList<string> Roles { get; } = ["Administrator", "Editor", "Author", "Contributor"];

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Setup:AdminPassword"] = Password,
            ["BlogSite:Admin:SignInAttemptsPerMinute"] = SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Factory = new BlogSiteFactory(settings) { Clock = Clock };
        using var warmUp = Factory.CreateClient();
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        foreach (var role in Roles.Skip(1))
        {
            var user = new CmsUser { UserName = role.ToLowerInvariant(), Email = $"{role.ToLowerInvariant()}@example.org" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static string UserNameOf(string role) => role == "Administrator" ? "admin" : role.ToLowerInvariant();

    /// The antiforgery token of the first form on the page.
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html).Groups["token"].Value;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var token = await TokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["returnUrl"] = returnUrl ?? "",
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(AdminSite site, string role)
    {
        var client = site.NewClient();
        using var response = await SignInAsync(client, UserNameOf(role), Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();
}
