using System.Net;

namespace BlogSite.IntegrationTests.Admin;

/// A site with the default limit of its own, so this burst of attempts cannot slow other tests down.
public sealed class SignInRateLimitTests(StrictAdminSite site) : IClassFixture<StrictAdminSite>
{
    [Fact]
    public async Task TooManyAttemptsFromOneAddressAreTurnedAway()
    {
        using var client = site.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await AdminSite.SignInAsync(client, $"guess{i}", "guess");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

public sealed class StrictAdminSite : AdminSite
{
    protected override int SignInAttemptsPerMinute => new BlogSite.Cms.Admin.AdminOptions().SignInAttemptsPerMinute;
}
