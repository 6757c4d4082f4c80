using System.Collections.Concurrent;
using System.Net;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Nodes;

/// Two published nodes on PostgreSQL and Redis behind nginx configured as deploy/nginx-blogsite.conf is, started as
/// systemd starts them: when one is killed in the middle of a burst of reads and writes, the other answers every
/// request and every write acknowledged before or after is kept.
public sealed class KilledNodeTests : IAsyncLifetime
{
    private const string AdminPassword = "Killed-node-password-1";

    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-killed-node-").FullName;
    private PostgreSqlTestDatabase database = null!;
    private SiteProcess nodeA = null!;
    private SiteProcess nodeB = null!;
    private Nginx nginx = null!;

    public async Task InitializeAsync()
    {
        database = await PostgreSqlTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Redis:Configuration"] = TwoNodesTests.Redis,
            ["BlogSite:Redis:ChannelPrefix"] = $"blogsite-test-{Guid.NewGuid():N}",
            ["BlogSite:Setup:AdminPassword"] = AdminPassword,
        };
        var dll = await PublishedApplication.DllAsync();
        var urls = new[] { new Uri($"http://127.0.0.1:{PublishedSite.FreePort()}"), new Uri($"http://127.0.0.1:{PublishedSite.FreePort()}") };
        var nodes = urls.Select(url => SiteProcess.Start(dll, Directory.CreateDirectory(Path.Combine(folder, url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName,
            new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value ?? "")))
            {
                ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            })).ToList();
        (nodeA, nodeB) = (nodes[0], nodes[1]);
        await Task.WhenAll(nodes.Zip(urls, (node, url) => node.WaitUntilServingAsync(new Uri(url, "/health/ready"), TimeSpan.FromMinutes(2))));
        nginx = await Nginx.BalanceAsync(Path.Combine(folder, "nginx"), PublishedSite.FreePort(), urls);
    }

    public async Task DisposeAsync()
    {
        await nginx.DisposeAsync();
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task WhenANodeIsKilledDuringReadsAndWritesTheOtherAnswersEveryRequestAndKeepsEveryWrite()
    {
        var address = new Uri($"http://127.0.0.1:{nginx.Port}");
        using var editor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        using var signIn = await AdminSite.SignInAsync(editor, "admin", AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var readStatuses = new ConcurrentQueue<HttpStatusCode>();
        using var writing = new CancellationTokenSource();
        var paths = new[] { "/", SetupRecipe.PathOf(SetupRecipe.Instance.Posts[0]), "/rss", "/categories/sanctions" };
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = address };
            for (var i = reader; !writing.IsCancellationRequested; i++)
            {
                using var response = await client.GetAsync(paths[i % paths.Length], CancellationToken.None);
                readStatuses.Enqueue(response.StatusCode);
            }
        })).ToList();

        var written = new List<(string Title, string Url)>();
        for (var i = 0; i < 40; i++)
        {
            if (i == 15)
            {
                await nodeA.KillAsync();
            }

            var title = $"Written while a node dies {i}";
            using var saved = await AdminSite.PostFormAsync(editor, "/admin/items/new?type=Page", "Save", new()
            {
                ["Values[TitlePart.Title]"] = title, ["Values[MarkdownBodyPart.Markdown]"] = "Kept.",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            written.Add((title, saved.Headers.Location!.OriginalString));
        }

        await writing.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(readStatuses.Count > 40, $"the readers kept reading during the writes ({readStatuses.Count} reads)");
        Assert.All(readStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
        foreach (var (title, url) in written)
        {
            Assert.Contains(title, await editor.GetStringAsync(url), StringComparison.Ordinal);
        }
    }
}
