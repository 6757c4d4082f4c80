using System.Net;

namespace BlogSite.IntegrationTests.Admin;

public sealed class AccountAndSettingsTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, page);
        using var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SettingsChangeThePublicSiteAndBadValuesExplainThemselvesByTheField()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        var (_, bad) = await PostAsync(client, "/admin/settings", new()
        {
            ["Input.SiteName"] = "", ["Input.PageSize"] = "0", ["Input.TimeZoneId"] = "Mars/Olympus", ["Input.MetaDescription"] = "",
            ["Input.BaseUrl"] = "javascript:alert(1)",
        });
        var (_, good) = await PostAsync(client, "/admin/settings", new()
        {
            ["Input.SiteName"] = "Korea Watch", ["Input.Tagline"] = "Renamed in the admin", ["Input.PageSize"] = "5", ["Input.TimeZoneId"] = "UTC", ["Input.MetaDescription"] = "About Korea.",
            ["Input.BaseUrl"] = "https://korea-watch.example/",
        });

        Assert.Contains("The site needs a name.", bad, StringComparison.Ordinal);
        Assert.Contains("Show between 1 and 100 posts per page.", bad, StringComparison.Ordinal);
        Assert.Contains("Choose a time zone from the list.", bad, StringComparison.Ordinal);
        Assert.Contains("Enter the address readers use, such as https://blog.example.org, with no query or fragment.", bad, StringComparison.Ordinal);
        Assert.Contains("Settings saved.", good, StringComparison.Ordinal);
        var home = await BlogSite.Testing.HtmlPage.GetAsync(client, "/");
        Assert.Equal("Korea Watch", home.Document.QuerySelector(".site-title")?.TextContent);
        Assert.Equal(5, home.PostLinks.Count);
        // The Base URL writes absolute links whatever Host the request named.
        Assert.Equal("https://korea-watch.example/", home.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AUserChangesTheirOwnPasswordOnlyWithTheCurrentOne()
    {
        using var client = await AdminSite.SignedInAsync(site, "Author");

        var (_, wrong) = await PostAsync(client, "/admin/account/password", new()
        {
            ["Input.CurrentPassword"] = "not it", ["Input.NewPassword"] = "New-password-77!", ["Input.ConfirmPassword"] = "New-password-77!",
        });
        var (_, mismatch) = await PostAsync(client, "/admin/account/password", new()
        {
            ["Input.CurrentPassword"] = AdminSite.Password, ["Input.NewPassword"] = "New-password-77!", ["Input.ConfirmPassword"] = "Other-77!",
        });
        var (_, changed) = await PostAsync(client, "/admin/account/password", new()
        {
            ["Input.CurrentPassword"] = AdminSite.Password, ["Input.NewPassword"] = "New-password-77!", ["Input.ConfirmPassword"] = "New-password-77!",
        });

        Assert.Contains("This is not your current password.", wrong, StringComparison.Ordinal);
        Assert.Contains("The two new passwords are not the same.", mismatch, StringComparison.Ordinal);
        Assert.Contains("Your password is changed.", changed, StringComparison.Ordinal);
        using var fresh = site.NewClient();
        using var signIn = await AdminSite.SignInAsync(fresh, "author", "New-password-77!");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task TimeZonesAreGroupedByRegionAndNamedByPlaceAndOffset()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");

        var page = await BlogSite.Testing.HtmlPage.GetAsync(client, "/admin/settings");
        var select = page.Document.QuerySelector("select[name='Input.TimeZoneId']")!;

        Assert.Equal("Seoul (UTC+09:00)", select.QuerySelector("optgroup[label='Asia'] option[value='Asia/Seoul']")?.TextContent);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York").GetUtcOffset(DateTimeOffset.UtcNow).Duration();
        Assert.Equal($"New York (UTC−{newYork:hh\\:mm})", select.QuerySelector("optgroup[label='America'] option[value='America/New_York']")?.TextContent);
        Assert.Null(select.QuerySelector("option[value='Etc/GMT+5']"));
        Assert.Equal(select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")).Distinct().Count(), select.QuerySelectorAll("optgroup").Length);
        Assert.NotNull(page.Document.QuerySelector("input#time-zone-filter"));
    }

    [Fact]
    public async Task AZoneTheListLeavesOutStaysTheSitesZoneWhenOtherSettingsAreSaved()
    {
        using var client = await AdminSite.SignedInAsync(site, "Administrator");
        var (_, saved) = await PostAsync(client, "/admin/settings", new()
        {
            ["Input.SiteName"] = "Korea Watch", ["Input.PageSize"] = "10", ["Input.TimeZoneId"] = "US/Eastern", ["Input.MetaDescription"] = "About Korea.",
        });

        var page = await BlogSite.Testing.HtmlPage.GetAsync(client, "/admin/settings");

        Assert.Contains("Settings saved.", saved, StringComparison.Ordinal);
        Assert.Equal("US/Eastern", page.Document.QuerySelector("select[name='Input.TimeZoneId'] option[selected]")?.GetAttribute("value"));
    }
}
