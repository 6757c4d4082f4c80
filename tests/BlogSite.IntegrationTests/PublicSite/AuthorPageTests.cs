using System.Net;
using System.Xml.Linq;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.PublicSite;

/// Bylines show the name people choose in their profile and lead to their author page, which lists the posts credited
/// to them with their bio and a feed; a profile change reaches cached pages at once.
public sealed class AuthorPageTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static async Task SaveProfileAsync(HttpClient client, string displayName, string bio)
    {
        var profile = await HtmlPage.GetAsync(client, "/admin/account/profile");
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName, ["Input.Bio"] = bio,
            ["Input.Email"] = profile.Document.QuerySelector("input[name='Input.Email']")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin/account/profile"),
        };
        using var response = await client.PostAsync("/admin/account/profile", new FormUrlEncodedContent(fields));
        Assert.Contains("Your profile is saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BylinesLinkToTheAuthorsPageWithTheirPostsBioAndFeedAndFollowProfileChanges()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();
        var home = await HtmlPage.GetAsync(reader, "/");
        var postUrl = home.PostLinks[0];
        var before = await HtmlPage.GetAsync(reader, postUrl);
        var authorBefore = await HtmlPage.GetAsync(reader, "/authors/admin");

        await SaveProfileAsync(admin, "Min-ji Park", "Covers sanctions and shipping.\nBased in Seoul.");
        var post = await HtmlPage.GetAsync(reader, postUrl);
        var author = await HtmlPage.GetAsync(reader, "/authors/admin");
        var second = await HtmlPage.GetAsync(reader, "/authors/admin?page=2");
        var feed = XDocument.Parse(await reader.GetStringAsync("/authors/admin/rss"));

        Assert.Equal("admin", before.Document.QuerySelector("a[rel=author]")?.TextContent);
        Assert.Equal("admin", authorBefore.Document.QuerySelector("h1")?.TextContent);
        var byline = post.Document.QuerySelector("a[rel=author]");
        Assert.Equal("Min-ji Park", byline?.TextContent);
        Assert.Equal("/authors/admin", byline?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, author.Status);
        Assert.Equal("Min-ji Park", author.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Covers sanctions and shipping.\nBased in Seoul.", author.Document.QuerySelector(".list-bio")?.TextContent);
        Assert.Equal("/authors/admin/rss", author.Document.QuerySelector(".list-feed a")?.GetAttribute("href"));
        Assert.Equal(home.PostLinks.Count, author.PostLinks.Count);
        Assert.Equal(18, author.PostLinks.Count + second.PostLinks.Count);
        var items = feed.Descendants("item").ToList();
        Assert.Equal(18, items.Count);
        Assert.All(items, i => Assert.Equal("Min-ji Park", i.Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))?.Value));
    }

    [Theory]
    [InlineData("/authors/editor")]
    [InlineData("/authors/ADMIN")]
    [InlineData("/authors/nobody")]
    [InlineData("/authors/editor/rss")]
    [InlineData("/authors/nobody/rss")]
    public async Task SomeoneWithNoPublishedPostsHasNoAuthorPage(string url)
    {
        using var reader = site.NewClient();

        using var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
