using BlogSite.Cms.Content.Media;
using SkiaSharp;

namespace BlogSite.UnitTests.Content;

/// An upload is accepted only when every pixel can be read: a header that promises an image is not enough.
public sealed class UploadedImageTests
{
    public static TheoryData<SKEncodedImageFormat> Formats => [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AWholeImageIsAccepted(SKEncodedImageFormat format)
    {
        var bytes = Encoded(format);

        var image = await ReadAsync(bytes);

        Assert.Equal(bytes, image.Bytes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AnImageCutShortIsRefusedWithItsName(SKEncodedImageFormat format)
    {
        var bytes = Encoded(format);

        var refused = await Assert.ThrowsAsync<MediaUploadException>(() => ReadAsync(bytes[..(bytes.Length / 2)]));

        Assert.Equal("'photo' is cut short or damaged: its pixels cannot all be read.", refused.Message);
    }

    private static async Task<UploadedImage> ReadAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await UploadedImage.ReadAsync(stream, "photo", bytes.Length, 10_000_000, CancellationToken.None);
    }

    /// A noisy picture, so that half of its encoding is half of its pixels (a flat one compresses to almost nothing).
    private static byte[] Encoded(SKEncodedImageFormat format)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(320, 240);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
