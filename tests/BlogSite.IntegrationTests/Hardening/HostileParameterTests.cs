using System.Net;
using BlogSite.IntegrationTests.Admin;

namespace BlogSite.IntegrationTests.Hardening;

/// Parameters that once ended in a 500 with a stack trace in the log (NUL bytes, page numbers near int.MaxValue, an
/// empty time zone, a 10,000-character user name, a return address with non-ASCII letters): each now gets an answer
/// that says what was wrong, on both engines.
public abstract class HostileParameterTests<TSite>(TSite site) where TSite : AdminSite
{
    [Theory]
    [InlineData("/search?q=korea%00")]
    [InlineData("/search?q=%00")]
    [InlineData("/?page=2147483647")]
    [InlineData("/?page=99999999999")]
    [InlineData("/tags/sanctions?page=2147483647")]
    [InlineData("/categories/sanctions?page=2147483647")]
    [InlineData("/archive/2016/04?page=2147483647")]
    [InlineData("/archive/99999/99")]
    [InlineData("/rss?page=2147483647")]
    public async Task AReaderPageAnswersAHostileParameterWithoutAServerError(string path)
    {
        using var reader = site.NewClient();

        using var response = await reader.GetAsync(path);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("/admin/content?p=999999999")]
    [InlineData("/admin/content?p=2147483647")]
    [InlineData("/admin/content?search=%00")]
    [InlineData("/admin/content?search=korea%00")]
    [InlineData("/admin/media?search=%00")]
    public async Task AnAdminListAnswersAHostileParameterWithoutAServerError(string path)
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await admin.GetAsync(path);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("/search?q=%00")]
    [InlineData("/?page%00=2")]
    [InlineData("/search?q=korea&%00")]
    [InlineData("/tags/sanctions?page=1+%00")]
    public async Task ANulCharacterAnywhereInTheQueryIsRefusedWithA400ThatSaysSo(string path)
    {
        using var reader = site.NewClient();

        using var response = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANulCharacterInASignInFormIsRefusedWithA400()
    {
        using var client = site.NewClient();

        using var response = await AdminSite.SignInAsync(client, "admin\0", AdminSite.Password);

        var answer = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(answer.Contains("NUL", StringComparison.Ordinal) || answer.Contains("could not be read", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task AnEmptyTimeZoneIsRefusedWithAFieldError()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var form = await AdminSite.EditorFormAsync(admin, "/admin/settings");
        form["Input.TimeZoneId"] = "";

        using var response = await AdminSite.PostFormAsync(admin, "/admin/settings", "", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVeryLongUserNameIsRefusedWithAFieldError()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await AdminSite.PostFormAsync(admin, "/admin/users", "", new()
        {
            ["Input.UserName"] = new string('u', 10_000), ["Input.Email"] = "long-name@example.org", ["Input.Role"] = "Contributor",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Keep the user name under", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnAddressWithNonAsciiLettersIsFollowedAfterSignIn()
    {
        using var client = site.NewClient();

        using var response = await AdminSite.SignInAsync(client, AdminSite.UserNameOf("Editor"), AdminSite.Password, "/admin/content?search=École");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/content?search=%C3%89cole", response.Headers.Location?.OriginalString);
    }
}

public sealed class HostileParameterOnSqliteTests(AdminSite site) : HostileParameterTests<AdminSite>(site), IClassFixture<AdminSite>;

public sealed class HostileParameterOnPostgreSqlTests(PostgreSqlAdminSite site)
    : HostileParameterTests<PostgreSqlAdminSite>(site), IClassFixture<PostgreSqlAdminSite>;
