using System.Net;
using System.Xml.Linq;
using BlogSite.Cms.Content.Model;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

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

    [Fact]
    public async Task ARecipeThatRenamesAPersonRenamesTheirBylines()
    {
        const string UserId = "4renamedwriter00000000001";
        static string Users(string name) =>
            $$"""{ "name": "People", "steps": [ { "name": "Users", "Users": [ { "UserId": "{{UserId}}", "UserName": "{{name}}", "Email": "writer@example.org", "RoleNames": [] } ] } ] }""";
        await RecipeRunner.RunAsync(site.Factory.Services, Users("inkwell"));
        var post = await TestPost.PublishAsync(site.Factory.Services, "Signed by the inkwell", "Body.", ownerId: UserId);
        using var reader = site.NewClient();
        var before = await HtmlPage.GetAsync(reader, post.Url);

        await RecipeRunner.RunAsync(site.Factory.Services, Users("quill"));
        var after = await HtmlPage.GetAsync(reader, post.Url);
        // The other tests here take the newest post to be the admin's.
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentStore>().DeleteAsync(post.ContentItemId);
        }

        Assert.Equal("inkwell", before.Document.QuerySelector("a[rel=author]")?.TextContent);
        Assert.Equal("quill", after.Document.QuerySelector("a[rel=author]")?.TextContent);
        Assert.Equal("/authors/quill", after.Document.QuerySelector("a[rel=author]")?.GetAttribute("href"));
    }

    private static async Task<string> PostPictureAsync(HttpClient client, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "picture", fileName);
        form.Add(new StringContent(await AdminSite.TokenAsync(client, "/admin/account/profile")), "__RequestVerificationToken");
        using var response = await client.PostAsync("/admin/account/profile?handler=Picture", form);
        return await response.Content.ReadAsStringAsync();
    }

    private static byte[] Landscape()
    {
        using var bitmap = new SKBitmap(400, 300);
        bitmap.Erase(new SKColor(200, 60, 40));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public async Task APictureIsCutSquareShownOnTheAuthorPageAndBylinesAndCanBeRemoved()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();
        var postUrl = (await HtmlPage.GetAsync(reader, "/")).PostLinks[0];
        Assert.Null((await HtmlPage.GetAsync(reader, "/authors/admin")).Document.QuerySelector(".avatar"));

        Assert.Contains("Your picture is saved.", await PostPictureAsync(admin, "me.png", Landscape()), StringComparison.Ordinal);
        var author = await HtmlPage.GetAsync(reader, "/authors/admin");
        var post = await HtmlPage.GetAsync(reader, postUrl);

        var picture = author.Document.QuerySelector(".list-header img.avatar")!.GetAttribute("src")!;
        Assert.Matches("^/avatars/[0-9a-f]{32}\\.webp$", picture);
        Assert.Equal(picture, post.Document.QuerySelector("article.post header img.avatar")?.GetAttribute("src"));
        using (var response = await reader.GetAsync(picture))
        {
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((256, 256), (decoded.Width, decoded.Height));
        }

        // A file that is not an image is refused with the reason, and the picture stays.
        var refused = await PostPictureAsync(admin, "me.png", "<svg onload=alert(1)>"u8.ToArray());
        Assert.Contains("is not a JPEG, PNG, GIF or WebP image", refused, StringComparison.Ordinal);
        Assert.Equal(picture, (await HtmlPage.GetAsync(reader, "/authors/admin")).Document.QuerySelector(".list-header img.avatar")?.GetAttribute("src"));

        using var removed = await AdminSite.PostFormAsync(admin, "/admin/account/profile", "RemovePicture", []);
        Assert.Null((await HtmlPage.GetAsync(reader, "/authors/admin")).Document.QuerySelector(".avatar"));
        Assert.Null((await HtmlPage.GetAsync(reader, postUrl)).Document.QuerySelector("img.avatar"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(picture)).StatusCode);
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
