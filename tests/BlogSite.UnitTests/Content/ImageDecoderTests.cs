using BlogSite.Cms.Content.Media;
using SkiaSharp;

namespace BlogSite.UnitTests.Content;

/// Images are measured and resized as browsers show them: upright, whatever the camera's orientation tag says.
public sealed class ImageDecoderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-images-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// A 200 × 100 JPEG, left half red and right half blue, with an EXIF orientation tag when one is given.
    private string Jpeg(ushort? orientation)
    {
        using var bitmap = new SKBitmap(200, 100);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 100, 100, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var bytes = image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray().ToList();
        if (orientation is { } value)
        {
            // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112), SHORT, 1 value.
            byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(value >> 8), (byte)value, 0, 0, 0, 0, 0, 0];
            byte[] header = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0];
            var length = 2 + header.Length + tiff.Length;
            bytes.InsertRange(2, [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. header, .. tiff]);
        }

        var path = Path.Combine(folder, $"photo-{orientation}.jpg");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    [Fact]
    public void AnUprightPhotoKeepsItsSizeAndResizesToTheWidthAsked()
    {
        var path = Jpeg(null);

        Assert.Equal((200, 100), ImageDecoder.SizeOf(path));
        using var resized = SKBitmap.Decode(ImageDecoder.Resized(path, 50, SKEncodedImageFormat.Png, 100));
        Assert.Equal((50, 25), (resized.Width, resized.Height));
    }

    [Fact]
    public void APhotoTakenTurnedIsMeasuredAndResizedUpright()
    {
        // Orientation 6: the stored pixels are to be turned a quarter clockwise, so the left (red) half ends on top.
        var path = Jpeg(6);

        Assert.Equal((100, 200), ImageDecoder.SizeOf(path));
        using var resized = SKBitmap.Decode(ImageDecoder.Resized(path, 50, SKEncodedImageFormat.Png, 100));
        Assert.Equal((50, 100), (resized.Width, resized.Height));
        Assert.True(resized.GetPixel(25, 10).Red > 200, "the top is the photo's left, red");
        Assert.True(resized.GetPixel(25, 90).Blue > 200, "the bottom is the photo's right, blue");
    }

    [Fact]
    public void AWidthLargerThanTheImageIsItsOwnWidth()
    {
        using var resized = SKBitmap.Decode(ImageDecoder.Resized(Jpeg(3), 1024, SKEncodedImageFormat.Png, 100));

        Assert.Equal((200, 100), (resized.Width, resized.Height));
        // Orientation 3 is half a turn: the red half is now on the right.
        Assert.True(resized.GetPixel(190, 50).Red > 200);
    }

    [Fact]
    public void AFileThatIsNotAnImageHasNoSize()
    {
        var path = Path.Combine(folder, "fake.jpg");
        File.WriteAllText(path, "<html>not an image</html>");

        Assert.Null(ImageDecoder.SizeOf(path));
        Assert.Null(ImageDecoder.Resized(path, 50, SKEncodedImageFormat.Jpeg, 80));
    }
}
