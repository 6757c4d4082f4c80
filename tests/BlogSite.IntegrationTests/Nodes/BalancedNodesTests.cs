using System.Net;
using System.Net.Sockets;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Nodes;

/// Two nodes behind nginx configured as deploy/nginx-blogsite.conf is: when one stops in the middle of a burst of
/// reads, the other answers every request.
public sealed class BalancedNodesTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-balanced-").FullName;
    private PostgreSqlTestDatabase database = null!;
    private BlogSiteFactory nodeA = null!;
    private BlogSiteFactory nodeB = null!;
    private Nginx nginx = null!;
    private bool nodeAStopped;

    public async Task InitializeAsync()
    {
        database = await PostgreSqlTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Redis:Configuration"] = TwoNodesTests.Redis,
            ["BlogSite:Redis:ChannelPrefix"] = $"blogsite-test-{Guid.NewGuid():N}",
        };
        nodeA = new BlogSiteFactory(settings);
        nodeB = new BlogSiteFactory(settings);
        var urlA = nodeA.StartOnLoopback();
        var urlB = nodeB.StartOnLoopback();
        nginx = await Nginx.BalanceAsync(Path.Combine(folder, "nginx"), FreePort(), [urlA, urlB]);
    }

    public async Task DisposeAsync()
    {
        await nginx.DisposeAsync();
        if (!nodeAStopped)
        {
            await nodeA.DisposeAsync();
        }

        await nodeB.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task WhenANodeStopsDuringReadsTheOtherAnswersEveryRequest()
    {
        using var reader = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{nginx.Port}") };
        var post = SetupRecipe.Instance.Posts[0];
        var paths = new[] { "/", SetupRecipe.PathOf(post), "/rss", "/health/ready" };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 200; i++)
        {
            if (i == 60)
            {
                // Stopped as a service manager stops it, while readers keep coming.
                var stopping = nodeA.DisposeAsync().AsTask();
                nodeAStopped = true;
                for (var j = 0; j < 40; j++)
                {
                    using var during = await reader.GetAsync(paths[j % paths.Length]);
                    statuses.Add(during.StatusCode);
                }

                await stopping;
            }

            using var response = await reader.GetAsync(paths[i % paths.Length]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(240, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
