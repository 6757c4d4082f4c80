using System.Net;
using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace BlogSite.IntegrationTests.PublicSite;

/// Library images in posts are drawn at the reader's screen width: srcset widths made on demand, WebP where it is
/// smaller, the image's size for layout; other widths and other files get the original.
public sealed class ResponsiveImageTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static byte[] Photo(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            // A gradient with detail, so encoders have something to weigh (a flat colour compresses to nothing in any format).
            for (var x = 0; x < width; x += 8)
            {
                using var paint = new SKPaint { Color = new SKColor((byte)(x * 255 / width), (byte)((x * 7) % 256), 140) };
                canvas.DrawRect(x, 0, 8, height, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private string Store(string mediaPath, byte[] bytes)
    {
        var file = Path.Combine(site.MediaFolder, mediaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    [Fact]
    public async Task BodyImagesListTheirWidthsWithWebPAndTheirSize()
    {
        Store("responsive/harbour.jpg", Photo(1600, 900));
        var post = await TestPost.PublishAsync(site.Factory.Services, "A harbour in pictures", "Before.\n\n![A harbour at dusk](/media/responsive/harbour.jpg)\n\n![Elsewhere](https://example.org/x.jpg)");

        var page = await HtmlPage.GetAsync(site.NewClient(), post.Url);

        var picture = Assert.Single(page.Document.QuerySelectorAll(".post-body picture"));
        var webp = picture.QuerySelector("source[type='image/webp']")!;
        Assert.Equal(
            "/media/responsive/harbour.jpg?width=480&format=webp 480w, /media/responsive/harbour.jpg?width=1024&format=webp 1024w, /media/responsive/harbour.jpg?format=webp 1600w",
            webp.GetAttribute("srcset"));
        var image = picture.QuerySelector("img")!;
        Assert.Equal("/media/responsive/harbour.jpg", image.GetAttribute("src"));
        Assert.Equal("/media/responsive/harbour.jpg?width=480 480w, /media/responsive/harbour.jpg?width=1024 1024w, /media/responsive/harbour.jpg 1600w", image.GetAttribute("srcset"));
        Assert.Equal(("1600", "900", "A harbour at dusk", "lazy"), (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("alt"), image.GetAttribute("loading")));
        Assert.Equal("(max-width: 45rem) min(calc(100vw - 2.5rem), 1600px), min(42rem, 1600px)", image.GetAttribute("sizes"));
        Assert.Equal(image.GetAttribute("sizes"), webp.GetAttribute("sizes"));
        // An image from elsewhere is left as the writer linked it.
        Assert.Contains(page.Document.QuerySelectorAll(".post-body img"), i => i.GetAttribute("src") == "https://example.org/x.jpg" && !i.HasAttribute("srcset"));
    }

    [Fact]
    public async Task TheFeaturedImageIsResponsiveAndLoadsFirst()
    {
        Store("responsive/featured.png", Photo(3000, 1000, SKEncodedImageFormat.Png));
        var post = await TestPost.PublishAsync(site.Factory.Services, "A featured chart", "Text.");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.GetLatestAsync(post.ContentItemId))!;
            item.Alter<BlogPost>(own => own! with { Image = new MediaField(["responsive/featured.png"], ["A chart of trade"]) });
            await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(item);
        }

        var page = await HtmlPage.GetAsync(site.NewClient(), post.Url);

        var image = page.Document.QuerySelector(".post-figure picture img.post-image")!;
        // Wider than the largest width made: the largest made copy stands in for it.
        Assert.Equal("/media/responsive/featured.png?width=2048", image.GetAttribute("src"));
        Assert.EndsWith("?width=2048 2048w", image.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal(("2048", "683", "high"), (image.GetAttribute("width"), image.GetAttribute("height"), image.GetAttribute("fetchpriority")));
        Assert.False(image.HasAttribute("loading"));
    }

    [Fact]
    public async Task ResizedCopiesAreMadeOnceAtSupportedWidthsAndWebPIsSentOnlyWhenSmaller()
    {
        var original = Store("responsive/street.jpg", Photo(1200, 800));
        using var reader = site.NewClient();

        using var small = await reader.GetAsync("/media/responsive/street.jpg?width=480");
        Assert.Equal("image/jpeg", small.Content.Headers.ContentType?.MediaType);
        var smallBytes = await small.Content.ReadAsByteArrayAsync();
        using (var decoded = SKBitmap.Decode(smallBytes))
        {
            Assert.Equal((480, 320), (decoded.Width, decoded.Height));
        }

        Assert.Equal("nosniff", small.Headers.GetValues("X-Content-Type-Options").Single());
        var made = Directory.GetFiles(Path.Combine(site.MediaFolder + "-resized", "responsive", "street.jpg"));
        Assert.StartsWith("480@", Path.GetFileName(Assert.Single(made)), StringComparison.Ordinal);
        var firstWrite = File.GetLastWriteTimeUtc(made[0]);

        using var again = await reader.GetAsync("/media/responsive/street.jpg?width=480");
        Assert.Equal(smallBytes, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(made[0]));

        using var webp = await reader.GetAsync("/media/responsive/street.jpg?width=480&format=webp");
        var webpBytes = await webp.Content.ReadAsByteArrayAsync();
        Assert.True(webpBytes.Length <= smallBytes.Length);
        Assert.Equal(webpBytes.Length < smallBytes.Length ? "image/webp" : "image/jpeg", webp.Content.Headers.ContentType?.MediaType);

        // A width Orchard Core does not make, or one wider than the image, is the original, and no copy is made.
        foreach (var query in new[] { "?width=481", "?width=2048", "?width=-1", "?height=100", "?width=abc&format=gif" })
        {
            using var response = await reader.GetAsync("/media/responsive/street.jpg" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(original), await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(2, Directory.GetFiles(Path.Combine(site.MediaFolder + "-resized", "responsive", "street.jpg")).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/responsive/none.jpg?width=480")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/../App_Data/blogsite.db?width=480")).StatusCode);
    }

    [Fact]
    public async Task AReplacedOriginalGetsNewCopiesEvenWhenItsFileIsDatedEarlier()
    {
        var original = Store("responsive/replaced.jpg", Photo(1200, 800));
        using var reader = site.NewClient();
        using (await reader.GetAsync("/media/responsive/replaced.jpg?width=480"))
        {
        }

        // A recipe moves a file staged earlier into place: the new original can be older than the copy of the old one.
        Store("responsive/replaced.jpg", Photo(1000, 500));
        File.SetLastWriteTimeUtc(original, DateTime.UtcNow.AddHours(-1));
        using var response = await reader.GetAsync("/media/responsive/replaced.jpg?width=480");

        using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((480, 240), (decoded.Width, decoded.Height));
        Assert.Single(Directory.GetFiles(Path.Combine(site.MediaFolder + "-resized", "responsive", "replaced.jpg")));
    }
}
