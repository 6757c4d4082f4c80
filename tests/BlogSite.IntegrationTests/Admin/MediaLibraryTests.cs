using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BlogSite.Testing;
using SkiaSharp;

namespace BlogSite.IntegrationTests.Admin;

/// Uploads checked by content and size, thumbnails, and deletes that refuse to break a post.
public abstract class MediaLibraryTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : SmallUploadsSite
{
    private static byte[] Image(SKEncodedImageFormat format, int width = 640, int height = 400)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(30, 90, 160));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 80);
        return data.ToArray();
    }

    private static async Task<string> UploadAsync(HttpClient client, string fileName, byte[] bytes, string contentType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "files", fileName);
        form.Add(new StringContent(await AdminSite.TokenAsync(client, "/admin/media")), "__RequestVerificationToken");
        using var response = await client.PostAsync("/admin/media?handler=Upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync("/admin/media");
    }

    [Theory]
    [InlineData("photo.jpg", SKEncodedImageFormat.Jpeg, "harbour-photo.jpg")]
    [InlineData("chart.png", SKEncodedImageFormat.Png, "harbour-chart.png")]
    [InlineData("map.webp", SKEncodedImageFormat.Webp, "harbour-map.webp")]
    public async Task ImagesAreStoredUnderASlugOfTheirNameWithASmallThumbnail(string name, SKEncodedImageFormat format, string stored)
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        var page = await UploadAsync(editor, "Harbour " + name, Image(format));

        Assert.Contains($"Uploaded {stored}.", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.MediaFolder, stored)));
        using var thumbnail = await editor.GetAsync($"/admin/media/thumbnail?path={stored}");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        using var decoded = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, decoded.Width);
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync($"/media/{stored}")).StatusCode);
    }

    [Fact]
    public async Task FoldersHoldTheirOwnImagesAndAreDeletedOnlyWhenEmpty()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var created = await AdminSite.PostFormAsync(editor, "/admin/media", "CreateFolder", new() { ["name"] = "Maps 2016" });
        using var nested = await AdminSite.PostFormAsync(editor, "/admin/media?folder=maps-2016", "CreateFolder", new() { ["name"] = "Empty one" });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Image(SKEncodedImageFormat.Png));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", "Harbour map.png");
        form.Add(new StringContent(await AdminSite.TokenAsync(editor, "/admin/media")), "__RequestVerificationToken");
        using var upload = await editor.PostAsync("/admin/media?handler=Upload&folder=maps-2016", form);
        var root = await HtmlPage.GetAsync(editor, "/admin/media");
        var folder = await HtmlPage.GetAsync(editor, "/admin/media?folder=maps-2016");
        var searched = await HtmlPage.GetAsync(editor, "/admin/media?q=harbour-map");
        using var notEmpty = await AdminSite.PostFormAsync(editor, "/admin/media?folder=maps-2016", "DeleteFolder", []);
        var refusal = await HtmlPage.GetAsync(editor, notEmpty.Headers.Location!.OriginalString);
        using var empty = await AdminSite.PostFormAsync(editor, "/admin/media?folder=maps-2016/empty-one", "DeleteFolder", []);

        Assert.Equal("/admin/media?folder=maps-2016", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.True(File.Exists(Path.Combine(site.MediaFolder, "maps-2016", "harbour-map.png")));
        Assert.Contains(root.Document.QuerySelectorAll(".folder-list a"), a => a.TextContent == "maps-2016/");
        Assert.DoesNotContain(root.Document.QuerySelectorAll(".media-grid li > a"), a => a.TextContent == "maps-2016/harbour-map.png");
        Assert.Contains(folder.Document.QuerySelectorAll(".media-grid li > a"), a => a.TextContent == "maps-2016/harbour-map.png");
        Assert.Contains(searched.Document.QuerySelectorAll(".media-grid li > a"), a => a.TextContent == "maps-2016/harbour-map.png");
        Assert.Contains("still holds files or folders", refusal.Document.QuerySelector(".message.error")?.TextContent, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.MediaFolder, "maps-2016", "empty-one")));
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/media/maps-2016/harbour-map.png")).StatusCode);
    }

    [Fact]
    public async Task AnImageIsDescribedOnceFoundByItsWordsAndOfferedWithThemInTheEditor()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        await UploadAsync(editor, "Reactor at dusk.png", Image(SKEncodedImageFormat.Png, 960, 540));
        await UploadAsync(editor, "Another picture.png", Image(SKEncodedImageFormat.Png));

        using var saved = await AdminSite.PostFormAsync(editor, "/admin/media", "Describe", new()
        {
            ["path"] = "reactor-at-dusk.png", ["alt"] = "The Yongbyon cooling tower at dusk", ["caption"] = "Satellite image, March 2016",
        });
        var found = await HtmlPage.GetAsync(editor, "/admin/media?q=cooling+tower");
        var byName = await HtmlPage.GetAsync(editor, "/admin/media?sort=name");
        var postEditor = await HtmlPage.GetAsync(editor, "/admin/posts/new");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tile = Assert.Single(found.Document.QuerySelectorAll(".media-grid li"));
        Assert.Contains("960 × 540 px", tile.TextContent, StringComparison.Ordinal);
        Assert.Equal("The Yongbyon cooling tower at dusk", tile.QuerySelector("input[name=alt]")?.GetAttribute("value"));
        Assert.Equal("/media/reactor-at-dusk.png", tile.QuerySelector("button[data-copy]")?.GetAttribute("data-copy"));
        var names = byName.Document.QuerySelectorAll(".media-grid li > a").Select(a => a.TextContent).ToList();
        Assert.Equal(names.Order(StringComparer.CurrentCultureIgnoreCase), names);
        var option = postEditor.Document.QuerySelector("select[name='Form.ImagePath'] option[value='reactor-at-dusk.png']");
        Assert.Equal("The Yongbyon cooling tower at dusk", option?.GetAttribute("data-alt"));
        Assert.Equal("Satellite image, March 2016", option?.GetAttribute("data-caption"));
    }

    [Theory]
    [InlineData("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>")]
    [InlineData("innocent.png", "<!DOCTYPE html><script>alert(document.cookie)</script>")]
    [InlineData("page.html", "<html><body>hello</body></html>")]
    public async Task FilesThatAreNotImagesAreRefusedWhateverTheirNameSays(string name, string content)
    {
        using var author = await AdminSite.SignedInAsync(site, "Author");

        var page = await UploadAsync(author, name, Encoding.UTF8.GetBytes(content));

        Assert.Contains($"&#x27;{name}&#x27; is not a JPEG, PNG, GIF or WebP image", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(site.MediaFolder), f => Path.GetFileNameWithoutExtension(f) == Path.GetFileNameWithoutExtension(name));
    }

    [Fact]
    public async Task AnImageOverTheSizeLimitIsRefusedWithTheLimitNamed()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var noise = new byte[80 * 1024];
        new Random(7).NextBytes(noise);
        byte[] big = [.. Image(SKEncodedImageFormat.Png, 8, 8), .. noise];

        var page = await UploadAsync(editor, "huge.png", big);

        Assert.Contains("images may be at most 0.1 MB", page, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.MediaFolder, "huge.png")));
    }

    [Fact]
    public async Task APostsImageAltTextCaptionExcerptAndSearchFieldsReachItsPageAndTheListsAndComeBackInTheEditor()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        await UploadAsync(editor, "harbour-at-dusk.png", Image(SKEncodedImageFormat.Png));
        var form = (await PostEditorForm.OpenAsync(editor)).Set("Title", "Nampo by night").Set("Markdown", "The first paragraph, not the excerpt.")
            .Set("ImagePath", "harbour-at-dusk.png").Set("ImageAlt", "Cranes over Nampo harbour at dusk").Set("ImageCaption", "Nampo, 2019 <b>(archive)</b>")
            .Set("Excerpt", "What the port's lights say about sanctions.").Set("SeoTitle", "Nampo's night lights and sanctions")
            .Set("MetaDescription", "Satellite images of Nampo at night, read against the sanctions record.")
            .Set("CanonicalUrl", "https://example.org/original/nampo");

        using var published = await form.PostAsync("Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await HtmlPage.GetAsync(reader, "/blog/nampo-by-night");
        Assert.Equal("Cranes over Nampo harbour at dusk", page.Document.QuerySelector(".post-figure img")?.GetAttribute("alt"));
        Assert.Equal("Nampo, 2019 <b>(archive)</b>", page.Document.QuerySelector(".post-figure figcaption")?.TextContent);
        Assert.StartsWith("Nampo's night lights and sanctions – ", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal("Satellite images of Nampo at night, read against the sanctions record.", page.Document.QuerySelector("meta[name='description']")?.GetAttribute("content"));
        Assert.Equal("https://example.org/original/nampo", page.Document.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        Assert.Contains("What the port's lights say about sanctions.", (await HtmlPage.GetAsync(reader, "/")).Document.Body?.TextContent, StringComparison.Ordinal);

        var feed = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync("/rss"));
        var item = feed.Descendants("item").Single(i => (string?)i.Element("title") == "Nampo by night");
        Assert.Equal("What the port's lights say about sanctions.", (string?)item.Element("description"));
        Assert.Contains("The first paragraph, not the excerpt.", (string?)item.Element(System.Xml.Linq.XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/")), StringComparison.Ordinal);

        var reopened = await PostEditorForm.OpenAsync(editor, published.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(
            ["Cranes over Nampo harbour at dusk", "What the port's lights say about sanctions.", "https://example.org/original/nampo"],
            [reopened["ImageAlt"], reopened["Excerpt"], reopened["CanonicalUrl"]]);
    }

    [Fact]
    public async Task AnImageAPostShowsIsNotDeletedAndTheMessageNamesThePost()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        await UploadAsync(editor, "cover.png", Image(SKEncodedImageFormat.Png));
        var post = await PostEditorForm.OpenAsync(editor);
        using var saved = await post.Set("Title", "Post with a cover").Set("ImagePath", "cover.png").PostAsync("Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await UploadAsync(editor, "unused.png", Image(SKEncodedImageFormat.Png));

        var refused = await DeleteAsync(editor, "cover.png");
        var deleted = await DeleteAsync(editor, "unused.png");

        Assert.Contains("was not deleted: it is shown by “Post with a cover”", refused, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.MediaFolder, "cover.png")));
        Assert.Contains("Deleted unused.png.", deleted, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.MediaFolder, "unused.png")));
    }

    [Fact]
    public async Task AnImageShownInAPostsMarkdownIsNotDeletedEither()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        await UploadAsync(editor, "inline figure.png", Image(SKEncodedImageFormat.Png));
        using var saved = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Post with a figure")
            .Set("Markdown", "See ![the figure](/media/inline-figure.png).").PostAsync("Save");

        var refused = await DeleteAsync(editor, "inline-figure.png");

        Assert.Contains("it is shown by “Post with a figure”", refused, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.MediaFolder, "inline-figure.png")));
    }

    [Fact]
    public async Task ASmallFileClaimingAHugeCanvasIsRefused()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        var page = await UploadAsync(editor, "bomb.png", PngHeader(30_000, 30_000));

        Assert.Contains("30000 × 30000 pixels", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.MediaFolder, "bomb.png")));
    }

    /// A valid PNG of a few hundred bytes that claims the given size: its pixel data is a short run of compressed zeros.
    private static byte[] PngHeader(int width, int height)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(pixels, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[100_000]);
        }

        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A,
            .. Chunk("IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 6, 0, 0, 0]), .. Chunk("IDAT", pixels.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] body)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. body];
        return [.. BigEndian(body.Length), .. typed, .. BigEndian((int)Crc32(typed))];
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public async Task APostCannotPointAtAnImageThatIsNotInTheLibrary()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Bad image").Set("ImagePath", "../../etc/passwd.png").PostAsync("Save");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("is not in the media library", page.QuerySelector("[data-valmsg-for='Form.ImagePath']")?.TextContent, StringComparison.Ordinal);
    }

    private static async Task<string> DeleteAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsync("/admin/media?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["path"] = path,
            ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin/media"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await HtmlPage.GetAsync(client, "/admin/media")).Document.QuerySelector(".message")?.TextContent ?? "";
    }
}

/// Uploads are limited to 64 KB here so a test can exceed the limit cheaply.
public class SmallUploadsSite : AdminSite
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["BlogSite:Media:MaxUploadBytes"] = (64 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed class SmallUploadsPostgreSqlSite : SmallUploadsSite
{
    protected override TestEngine Engine => TestEngine.PostgreSql;
}

public sealed class MediaLibraryOnSqliteTests(SmallUploadsSite site) : MediaLibraryTests<SmallUploadsSite>(site);

public sealed class MediaLibraryOnPostgreSqlTests(SmallUploadsPostgreSqlSite site) : MediaLibraryTests<SmallUploadsPostgreSqlSite>(site);
