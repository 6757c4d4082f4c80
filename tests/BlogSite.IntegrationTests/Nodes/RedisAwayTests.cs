using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Settings;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Nodes;

/// A node whose Redis is away (nothing listens at its address): it starts, answers readers from fresh renders instead
/// of the shared page cache, saves, and signs people in, while its readiness check names Redis as the problem.
public sealed class RedisAwayTests : IAsyncLifetime
{
    private const string AdminPassword = "Redis-away-password-1";

    private readonly SqliteTestDatabase database = new();
    private BlogSiteFactory node = null!;
    private Uri url = null!;

    public async Task InitializeAsync()
    {
        node = new BlogSiteFactory(new Dictionary<string, string?>(database.Settings)
        {
            // Port 9 (discard) has no Redis on a test machine.
            ["BlogSite:Redis:Configuration"] = "127.0.0.1:9,connectTimeout=200",
            ["BlogSite:Setup:AdminPassword"] = AdminPassword,
        });
        url = node.StartOnLoopback();
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(new JsonObject { ["BaseUrl"] = "http://redis-away.test" });
    }

    public async Task DisposeAsync()
    {
        await node.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task ReadersWritersAndSignInsAreAnsweredWithoutRedis()
    {
        using var reader = new HttpClient { BaseAddress = url };
        reader.DefaultRequestHeaders.Host = "redis-away.test";
        using var editor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = url };

        using var first = await reader.GetAsync("/");
        using var second = await reader.GetAsync("/");
        using var signIn = await AdminSite.SignInAsync(editor, "admin", AdminPassword);
        var post = await TestPost.PublishAsync(node.Services, "Published with Redis away", "Saved all the same.");
        var home = await reader.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(post.Title, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessNamesRedisAsTheProblem()
    {
        using var http = new HttpClient { BaseAddress = url };

        using var ready = await http.GetAsync("/health/ready");
        using var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("entries").GetProperty("database").GetProperty("status").GetString());
    }
}
