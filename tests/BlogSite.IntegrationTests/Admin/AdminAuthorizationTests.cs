using System.Net;

namespace BlogSite.IntegrationTests.Admin;

/// Every admin page for every role, and every admin POST without an antiforgery token.
public sealed class AdminAuthorizationTests(AdminSite site) : IClassFixture<AdminSite>
{
    // Which roles each page lets in, from the permissions the setup recipe gives each role.
    public static TheoryData<string, string, bool> Matrix()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["/admin"] = ["Administrator", "Editor", "Author", "Contributor"],
            ["/admin/deployment/import"] = ["Administrator"],
            ["/admin/deployment/export"] = ["Administrator"],
            ["/admin/deployment/clients"] = ["Administrator"],
            ["/admin/settings"] = ["Administrator"],
            ["/admin/users"] = ["Administrator"],
            ["/admin/content"] = ["Administrator", "Editor", "Author", "Contributor"],
            ["/admin/account/password"] = ["Administrator", "Editor", "Author", "Contributor"],
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (page, roles) in allowed)
        {
            foreach (var role in AdminSite.Roles)
            {
                data.Add(page, role, roles.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleReachesExactlyTheAdminPagesItsPermissionsAllow(string page, string role, bool allowed)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        using var response = await client.GetAsync(page);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/denied")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/deployment/import")]
    [InlineData("/admin/deployment/export")]
    [InlineData("/admin/deployment/clients")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/account/password")]
    [InlineData("/admin/users")]
    public async Task AnonymousVisitorsAreSentToSignIn(string page)
    {
        using var client = site.NewClient();
        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/logout")]
    [InlineData("/admin/deployment/import?handler=Validate")]
    [InlineData("/admin/deployment/import?handler=Import")]
    [InlineData("/admin/deployment/export")]
    [InlineData("/admin/deployment/clients?handler=Add")]
    [InlineData("/admin/deployment/clients?handler=Remove")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/account/password")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/any?handler=Access")]
    [InlineData("/admin/users/any?handler=Password")]
    [InlineData("/admin/content")]
    public async Task EveryPostWithoutAnAntiforgeryTokenIsRejected(string action)
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["json"] = "{}" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
