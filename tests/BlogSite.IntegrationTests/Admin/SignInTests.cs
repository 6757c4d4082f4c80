using System.Net;

namespace BlogSite.IntegrationTests.Admin;

public sealed class SignInTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task TheAdminAsksAnonymousVisitorsToSignIn()
    {
        using var client = site.NewClient();
        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task AnUnknownUserAndAWrongPasswordGetTheSameAnswer()
    {
        using var client = site.NewClient();
        using var unknown = await AdminSite.SignInAsync(client, "nobody-at-all", AdminSite.Password);
        using var wrong = await AdminSite.SignInAsync(client, "editor", "not the password");

        var unknownText = await unknown.Content.ReadAsStringAsync();
        var wrongText = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("The user name or password is not right", unknownText, StringComparison.Ordinal);
        Assert.Equal(
            System.Text.RegularExpressions.Regex.Replace(unknownText, "value=\"[^\"]*\"", ""),
            System.Text.RegularExpressions.Regex.Replace(wrongText, "value=\"[^\"]*\"", ""));
    }

    [Fact]
    public async Task RepeatedFailuresFromOneAddressMakeItWaitEvenWithTheRightPassword()
    {
        using var client = site.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await AdminSite.SignInAsync(client, "contributor", "wrong")).Dispose();
        }

        using var right = await AdminSite.SignInAsync(client, "contributor", AdminSite.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed attempts at this account from here: try again in", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/deployment/export", "/admin/deployment/export")]
    [InlineData("https://evil.example/steal", "/admin")]
    [InlineData("//evil.example/steal", "/admin")]
    [InlineData("/\\evil.example", "/admin")]
    public async Task OnlyLocalReturnUrlsAreFollowed(string returnUrl, string expected)
    {
        using var client = site.NewClient();
        using var response = await AdminSite.SignInAsync(client, "admin", AdminSite.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var client = await AdminSite.SignedInAsync(site, "Editor");
        var token = await AdminSite.TokenAsync(client, "/admin");

        using var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
