using System.Net;

namespace BlogSite.IntegrationTests.Admin;

/// Every admin page for every role, and every admin POST without an antiforgery token.
public sealed class AdminAuthorizationTests(AdminSite site) : IClassFixture<AdminSite>
{
    private const string AdminsPost = "bs7efety8rdd6sym4vj38n6nm5";

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
            ["/admin/posts/new"] = ["Administrator", "Editor", "Author", "Contributor"],
            // A post the administrator owns: Authors and Contributors may edit and preview only their own.
            [$"/admin/posts/{AdminsPost}"] = ["Administrator", "Editor"],
            [$"/admin/items/{AdminsPost}/versions"] = ["Administrator", "Editor"],
            [$"/admin/preview/{AdminsPost}"] = ["Administrator", "Editor"],
            ["/admin/media"] = ["Administrator", "Editor", "Author", "Contributor"],
            ["/admin/taxonomies"] = ["Administrator", "Editor"],
            [$"/admin/taxonomies/{BlogSite.Blog.BlogTaxonomies.TagsContentItemId}"] = ["Administrator", "Editor"],
            ["/admin/menus"] = ["Administrator"],
            ["/admin/menus/4mainmenu00000000000000000"] = ["Administrator"],
            ["/admin/menus/new"] = ["Administrator"],
            ["/admin/content-types"] = ["Administrator"],
            ["/admin/roles"] = ["Administrator"],
            ["/admin/roles/Editor"] = ["Administrator"],
            ["/admin/features"] = ["Administrator"],
            ["/admin/themes"] = ["Administrator"],
        };
        return EveryRole(allowed);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleReachesExactlyTheAdminPagesItsPermissionsAllow(string page, string role, bool allowed)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        await AdminSite.AssertReachesAsync(client, page, allowed);
    }

    // Which roles each action lets through. The payloads are harmless: an allowed action fails validation or finds
    // nothing (unpublishing leaves the post editable), so the matrix runs in any order against one site.
    public static TheoryData<string, string, bool> ActionMatrix()
    {
        var tags = BlogSite.Blog.BlogTaxonomies.TagsContentItemId;
        var allowed = new Dictionary<string, string[]>
        {
            [$"/admin/posts/{AdminsPost}?handler=Save"] = ["Administrator", "Editor"],
            [$"/admin/posts/{AdminsPost}?handler=Unpublish"] = ["Administrator", "Editor"],
            [$"/admin/items/{AdminsPost}/versions?handler=Restore"] = ["Administrator", "Editor"],
            ["/admin/posts/new?handler=Save"] = ["Administrator", "Editor", "Author", "Contributor"],
            ["/admin/media?handler=Upload"] = ["Administrator", "Editor", "Author", "Contributor"],
            ["/admin/media?handler=Delete"] = ["Administrator", "Editor"],
            [$"/admin/taxonomies/{tags}?handler=Move"] = ["Administrator", "Editor"],
            [$"/admin/taxonomies/{tags}?handler=Merge"] = ["Administrator", "Editor"],
            ["/admin/settings"] = ["Administrator"],
        };
        return EveryRole(allowed);
    }

    /// One case per address and role: whether the role is among those allowed there.
    private static TheoryData<string, string, bool> EveryRole(Dictionary<string, string[]> allowed)
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (address, roles) in allowed)
        {
            foreach (var role in AdminSite.Roles)
            {
                data.Add(address, role, roles.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActionMatrix))]
    public async Task EachRoleCanTakeExactlyTheAdminActionsItsPermissionsAllow(string action, string role, bool allowed)
    {
        using var client = await AdminSite.SignedInAsync(site, role);
        var token = await AdminSite.TokenAsync(client, "/admin/account/password");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Title"] = "",
            ["termId"] = "no-such-term",
            ["sourceId"] = "no-such-term",
            ["targetId"] = "no-such-term",
            ["path"] = "no-such-file.png",
            ["versionId"] = "no-such-version",
        };
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var deniedLocation = location.StartsWith("/admin/denied", StringComparison.Ordinal);
        Assert.Equal(!allowed, deniedLocation || response.StatusCode == HttpStatusCode.Forbidden);
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/deployment/import")]
    [InlineData("/admin/deployment/export")]
    [InlineData("/admin/deployment/clients")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/account/password")]
    [InlineData("/admin/users")]
    [InlineData("/admin/posts/new")]
    [InlineData("/admin/posts/" + AdminsPost)]
    [InlineData("/admin/items/" + AdminsPost + "/versions")]
    [InlineData("/admin/preview/" + AdminsPost)]
    [InlineData("/admin/media")]
    [InlineData("/admin/media/thumbnail?path=x.png")]
    [InlineData("/admin/taxonomies")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId)]
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
    [InlineData("/admin/posts/new?handler=Save")]
    [InlineData("/admin/posts/new?handler=Publish")]
    [InlineData("/admin/posts/new?handler=Preview")]
    [InlineData("/admin/posts/new/autosave")]
    [InlineData("/admin/posts/markdown")]
    [InlineData("/admin/posts/" + AdminsPost + "?handler=Unpublish")]
    [InlineData("/admin/posts/" + AdminsPost + "?handler=Delete")]
    [InlineData("/admin/items/" + AdminsPost + "/versions?handler=Restore")]
    [InlineData("/admin/media?handler=Upload")]
    [InlineData("/admin/media?handler=Delete")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId + "?handler=Add")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId + "?handler=Update")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId + "?handler=Move")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId + "?handler=Delete")]
    [InlineData("/admin/taxonomies/" + BlogSite.Blog.BlogTaxonomies.TagsContentItemId + "?handler=Merge")]
    public async Task EveryPostWithoutAnAntiforgeryTokenIsRejected(string action)
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["json"] = "{}" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/admin")]
    [InlineData("/admin/posts/new")]
    public async Task AdminPagesCannotBeFramedAndRunOnlyTheSitesOwnScripts(string page)
    {
        using var client = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await client.GetAsync(page);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
