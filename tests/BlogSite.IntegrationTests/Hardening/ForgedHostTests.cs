using System.Net;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Settings;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Hardening;

/// A request that names another host (Host or X-Forwarded-Host: evil.example) never puts that host into a page,
/// a feed or a sitemap once the site has its Base URL, and is turned away outright by a site whose AllowedHosts
/// lists its own names.
public sealed class ForgedHostTests(AdminSite site, ForgedHostTests.OwnHostsSite ownHosts)
    : IClassFixture<AdminSite>, IClassFixture<ForgedHostTests.OwnHostsSite>
{
    private const string BaseUrl = "https://blog.example/";

    public static TheoryData<string> Addresses => ["/", SetupRecipe.PathOf(SetupRecipe.Instance.Posts[0]), "/rss", "/sitemap.xml", "/categories/sanctions"];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task LinksUseTheBaseUrlWhateverHostTheRequestNames(string address)
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(new JsonObject { ["BaseUrl"] = BaseUrl });
        }

        using var client = site.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://blog.example/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiteWithAllowedHostsRefusesAnyOtherHost()
    {
        using var client = ownHosts.NewClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/");
        forged.Headers.Host = "evil.example";

        using var refused = await client.SendAsync(forged);
        using var own = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    /// A site configured as an operator should: AllowedHosts names the site's own hosts.
    public sealed class OwnHostsSite : AdminSite
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "localhost;blog.example",
        };
    }
}
