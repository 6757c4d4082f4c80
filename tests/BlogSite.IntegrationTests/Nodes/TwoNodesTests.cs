using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace BlogSite.IntegrationTests.Nodes;

/// Two BlogSite nodes on 127.0.0.1 ports sharing one PostgreSQL database and one Redis, as a load balancer would
/// see them: they set the site up once, a sign-in on one is valid on the other, and a publish on one reaches the
/// other's cached pages at once.
public sealed class TwoNodesTests : IAsyncLifetime
{
    private const string AdminPassword = "Two-nodes-password-1";

    private PostgreSqlTestDatabase database = null!;
    private BlogSiteFactory nodeA = null!;
    private BlogSiteFactory nodeB = null!;
    private Uri urlA = null!;
    private Uri urlB = null!;

    /// Keeps this site's channels and keys apart from other test classes' on the shared Redis server.
    private readonly string redisPrefix = $"blogsite-test-{Guid.NewGuid():N}";

    /// Both nodes' clock, which moves only when a test says.
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    public static string Redis => Environment.GetEnvironmentVariable("BLOGSITE_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379";

    public async Task InitializeAsync()
    {
        database = await PostgreSqlTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Redis:Configuration"] = Redis,
            // Test classes share the Redis server; each site talks on channels of its own.
            ["BlogSite:Redis:ChannelPrefix"] = redisPrefix,
            ["BlogSite:Setup:AdminPassword"] = AdminPassword,
            ["BlogSite:Admin:SignInAttemptsPerMinute"] = "4",
        };
        nodeA = new BlogSiteFactory(settings) { Clock = time };
        nodeB = new BlogSiteFactory(settings) { Clock = time };
        // Both start at once on the empty database, as two services brought up together do.
        var starting = await Task.WhenAll(Task.Run(nodeA.StartOnLoopback), Task.Run(nodeB.StartOnLoopback));
        (urlA, urlB) = (starting[0], starting[1]);
    }

    public async Task DisposeAsync()
    {
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task NodesStartingTogetherSetTheSiteUpOnce()
    {
        await using var scope = nodeA.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();

        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(SetupRecipe.Instance.Posts.Count, await db.ContentItems.CountAsync(x => x.ContentType == "BlogPost" && x.Latest));
    }

    [Fact]
    public async Task ASignInOnOneNodeIsValidOnTheOther()
    {
        var cookies = new CookieContainer();
        using var onA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = urlA };
        // Cookies are kept by host, not port: the same browser going to B sends what A set.
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = urlB };

        using var signIn = await Admin.AdminSite.SignInAsync(onA, "admin", AdminPassword);
        using var dashboard = await onB.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // The key that signed the cookie is in the site's database, where every node (and no other site) reads it.
        await using var scope = nodeB.Services.CreateAsyncScope();
        Assert.NotEqual(0, await scope.ServiceProvider.GetRequiredService<CmsDbContext>().DataProtectionKeys.CountAsync());
        Assert.Contains("Dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportCheckedOnOneNodeIsConfirmedOnTheOther()
    {
        var cookies = new CookieContainer();
        using var onA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = urlA };
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = urlB };
        (await Admin.AdminSite.SignInAsync(onA, "admin", AdminPassword)).Dispose();
        var recipe = """
            { "name": "Checked on A", "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "twonodesimport00000000001", "ContentType": "BlogPost", "DisplayText": "Checked on A, confirmed on B", "Published": true,
                "PublishedUtc": "2016-06-02T10:00:00Z", "TitlePart": { "Title": "Checked on A, confirmed on B" },
                "AutoroutePart": { "Path": "blog/checked-on-a-confirmed-on-b" }, "MarkdownBodyPart": { "Markdown": "Either node." } } ] } ] }
            """;

        using var checkedOnA = await Admin.AdminSite.PostFormAsync(onA, "/admin/deployment/import", "Validate", new() { ["json"] = recipe });
        var token = System.Text.RegularExpressions.Regex.Match(
            await checkedOnA.Content.ReadAsStringAsync(), "name=\"token\" value=\"(?<t>[0-9a-f]{32})\"").Groups["t"].Value;
        // Kept on the storage the nodes share, not in node A's own temporary folder.
        var sharedFolder = Path.Combine(nodeB.Services.GetRequiredService<MediaStore>().Beside("imports"), token);
        Assert.True(Directory.Exists(sharedFolder), $"the pending import is kept in {sharedFolder}");
        using var importedOnB = await Admin.AdminSite.PostFormAsync(onB, "/admin/deployment/import", "Import", new() { ["token"] = token });

        Assert.NotEmpty(token);
        Assert.Contains("Imported: 1 created", await importedOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAttemptsAreCountedAcrossBothNodes()
    {
        // A fresh minute: attempts other tests made count in the one they made them in.
        time.Advance(TimeSpan.FromSeconds(61));
        using var onA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = urlA };
        using var onB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = urlB };
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onB, onA, onB, onA })
        {
            using var response = await Admin.AdminSite.SignInAsync(client, "nobody-at-all", "not-the-password");
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(61));
        using var afterwards = await Admin.AdminSite.SignInAsync(onB, "nobody-at-all", "not-the-password");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, afterwards.StatusCode);
    }

    [Fact]
    public async Task FailedAttemptsAtAnAccountSlowTheGuesserOnEveryNode()
    {
        time.Advance(TimeSpan.FromSeconds(61));
        using var onA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = urlA };
        using var onB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = urlB };
        var answers = new List<string>();
        foreach (var client in new[] { onA, onB, onA, onB, onA })
        {
            if (answers.Count == 4)
            {
                // A fresh minute for the per-address limit (four a minute here); the guesses at the account still count.
                time.Advance(TimeSpan.FromSeconds(61));
            }

            using var response = await Admin.AdminSite.SignInAsync(client, "admin", $"guess-{answers.Count}");
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        // Failures on A and B count together: the third makes the next attempt wait (the fourth, on B, is refused),
        // and the one a minute later makes it wait again, on B too, which itself saw only one failure.
        using var next = await Admin.AdminSite.SignInAsync(onB, "admin", AdminPassword);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("try again in", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishOnOneNodeReachesTheOthersCachedPagesWithinASecond()
    {
        using var readerOnB = await CachedReaderAsync(urlB);

        var post = await TestPost.PublishAsync(nodeA.Services, "Published on node A", "Written on one node, read on the other.");

        await Eventually.TrueAsync(
            async () => (await readerOnB.GetStringAsync("/")).Contains(post.Title, StringComparison.Ordinal),
            "node B's cached home page lists the post published on node A",
            TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task BothNodesServeOnePageCacheKeptInRedis()
    {
        using var readerOnA = await CachedReaderAsync(urlA);
        using var readerOnB = await CachedReaderAsync(urlB);
        var path = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[^1]);

        using var renderedOnB = await readerOnB.GetAsync(path);
        using var readOnA = await readerOnA.GetAsync(path);

        Assert.Null(renderedOnB.Headers.Age);
        // Node A never rendered this page: it answers with the copy node B kept.
        Assert.NotNull(readOnA.Headers.Age);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var pages = redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: $"{redisPrefix}:pages:*");
        Assert.True(await pages.AnyAsync(), "the cached pages are kept under the site's prefix in Redis");
    }

    [Fact]
    public async Task AChangeWhoseMessageWasLostStillClearsTheOtherNodesCache()
    {
        using var readerOnB = await CachedReaderAsync(urlB);

        // Counted as every change is, but its message never sent: Redis may drop a published message.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        await redis.GetDatabase().StringIncrementAsync($"{redisPrefix}:changes:count");

        await Eventually.TrueAsync(
            async () =>
            {
                using var page = await readerOnB.GetAsync("/");
                return page.Headers.Age is null;
            },
            "node B renders its home page afresh once it notices the change it did not hear of",
            TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ARoleChangedOnOneNodeHoldsOnTheOtherWithinASecond()
    {
        var before = await PermissionsOnAsync(nodeB, RoleNames.Contributor);
        var changed = before.Contains(AdminPermissions.ManageTaxonomy, StringComparer.Ordinal)
            ? before.Where(p => p != AdminPermissions.ManageTaxonomy).ToList()
            : [.. before, AdminPermissions.ManageTaxonomy];

        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleEditor>().SetAsync(RoleNames.Contributor, null, changed);
        }

        await Eventually.TrueAsync(
            async () => (await PermissionsOnAsync(nodeB, RoleNames.Contributor)).SetEquals(changed),
            "node B checks Contributors against the permissions set on node A",
            TimeSpan.FromSeconds(1));
    }

    private static async Task<IReadOnlySet<string>> PermissionsOnAsync(BlogSiteFactory node, string role)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RolePermissions>().OfAsync(role);
    }

    /// A reader who comes by the site's Base URL (the only address whose pages are cached), once the page cache serves
    /// the home page on that node.
    private async Task<HttpClient> CachedReaderAsync(Uri node)
    {
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SiteSettingsStore>();
            if ((await settings.GetAsync()).BaseUrl?.Host != "two-nodes.test")
            {
                await settings.MergeAsync(new JsonObject { ["BaseUrl"] = "http://two-nodes.test" });
            }
        }

        var reader = new HttpClient { BaseAddress = node };
        reader.DefaultRequestHeaders.Host = "two-nodes.test";
        await Eventually.TrueAsync(
            async () =>
            {
                using var first = await reader.GetAsync("/");
                using var second = await reader.GetAsync("/");
                return second.Headers.Age is not null;
            },
            "the node serves its home page from the cache once the Base URL set on node A reaches it");
        return reader;
    }

    [Fact]
    public async Task AScheduledPostIsPublishedOnceWithBothNodesRunning()
    {
        var due = time.GetUtcNow().UtcDateTime.AddMinutes(1);
        string id;
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            var blogId = await scope.ServiceProvider.GetRequiredService<BlogPostQueries>().BlogIdAsync(CancellationToken.None);
            var draft = new ContentItem
            {
                ContentItemId = ContentItemIdGenerator.NewId(), ContentType = "BlogPost", DisplayText = "Due on both nodes", Latest = true, Published = false,
            };
            draft.Apply(new TitlePart("Due on both nodes")).Apply(new AutoroutePart("blog/due-on-both-nodes")).Apply(new MarkdownBodyPart("Once."))
                .Apply(new PublishLaterPart(due)).Apply(new ContainedPart(blogId!));
            await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(draft);
            id = draft.ContentItemId;
        }

        time.Advance(TimeSpan.FromSeconds(61));
        using var reader = new HttpClient { BaseAddress = urlB };
        await Eventually.TrueAsync(
            async () => (await reader.GetAsync("/blog/due-on-both-nodes")).StatusCode == HttpStatusCode.OK, "the scheduled post is live");

        await using var check = nodeB.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Equal(1, await db.ContentItems.CountAsync(x => x.ContentItemId == id && x.Published));
        var published = nodeA.Logs.Concat(nodeB.Logs).Count(l => l.Contains("Published scheduled item 'Due on both nodes'", StringComparison.Ordinal));
        Assert.Equal(1, published);
        Assert.DoesNotContain(nodeA.Logs.Concat(nodeB.Logs), l => l.Contains($"Scheduled item {id} could not be published", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadinessNamesTheDatabaseRedisAndTheMediaFolder()
    {
        using var http = new HttpClient { BaseAddress = urlA };

        using var live = await http.GetAsync("/health/live");
        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var entries = report.RootElement.GetProperty("entries");
        Assert.Equal(["database", "media", "redis"], entries.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
