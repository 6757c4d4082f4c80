using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Setup;

/// The published app started from another working directory, as systemd or a container starts it.
public sealed class PublishedSiteTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    [Fact]
    public async Task StylesheetsAndScriptsAreServedWithTheirContent()
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        var home = await HtmlPage.GetAsync(client, "/");
        var assets = home.Document.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith('/'))
            .Distinct()
            .ToList();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {response.StatusCode}");
            Assert.True(body.Length > 100, $"{asset} answered {body.Length} bytes");
        }
    }

    [Fact]
    public async Task SettingsAreReadFromTheApplicationFolder()
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        var log = await site.Process.ReadLogAsync();
        Assert.Contains($"Content root path: {site.ApplicationFolder}", log, StringComparison.Ordinal);
        // appsettings.json keeps Entity Framework's command log at Warning; on defaults every SQL statement is printed.
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
    }
}
