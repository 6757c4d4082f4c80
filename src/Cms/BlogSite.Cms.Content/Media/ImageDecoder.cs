using System.Collections.Concurrent;
using SkiaSharp;

namespace BlogSite.Cms.Content.Media;

/// Reads image files the way browsers show them: turned as the camera's orientation tag says, in sRGB, and decoded
/// no larger than needed (JPEG decodes at a whole number of eighths directly, which saves most of the memory).
public static class ImageDecoder
{
    // What a header says, by file and version: reading one is cheap, but a page or the library reads many of them.
    private static readonly ConcurrentDictionary<(string Path, DateTime Modified), ImageInfo?> Infos = new();

    /// Pixels across and down as shown, or null when the file is not a readable image.
    public static (int Width, int Height)? SizeOf(string fullPath) => InfoOf(fullPath) is { } info ? (info.Width, info.Height) : null;

    /// The image's size as shown and whether it moves, or null when the file is not a readable image.
    public static ImageInfo? InfoOf(string fullPath)
    {
        var modified = File.GetLastWriteTimeUtc(fullPath);
        return Infos.GetOrAdd((fullPath, modified), key =>
        {
            using var codec = SKCodec.Create(key.Path);
            if (codec is null)
            {
                return null;
            }

            var (width, height) = Turned(codec.EncodedOrigin) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
            return new ImageInfo(width, height, codec.FrameCount > 1);
        });
    }

    /// The image at <paramref name="width"/> pixels across as shown (never wider than it is), encoded as
    /// <paramref name="format"/>; null when the file cannot be read.
    public static byte[]? Resized(string fullPath, int width, SKEncodedImageFormat format, int quality)
    {
        using var codec = SKCodec.Create(fullPath);
        using var upright = DecodeUpright(codec, width, byShorterSide: false);
        if (upright is null)
        {
            return null;
        }

        var target = Math.Clamp(width, 1, upright.Width);
        var height = Math.Max(1, (int)Math.Round(upright.Height * (target / (double)upright.Width)));
        return Encode(upright, new SKRectI(0, 0, upright.Width, upright.Height), target, height, format, quality);
    }

    /// The middle square of an image (a picture of a person), <paramref name="size"/> pixels a side at most.
    public static byte[]? Square(byte[] image, int size, SKEncodedImageFormat format, int quality)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        using var upright = DecodeUpright(codec, size, byShorterSide: true);
        if (upright is null)
        {
            return null;
        }

        var side = Math.Min(upright.Width, upright.Height);
        var crop = SKRectI.Create((upright.Width - side) / 2, (upright.Height - side) / 2, side, side);
        var target = Math.Min(size, side);
        return Encode(upright, crop, target, target, format, quality);
    }

    /// The image decoded (no smaller than <paramref name="width"/> across, or on its shorter side) and turned upright.
    private static SKBitmap? DecodeUpright(SKCodec? codec, int width, bool byShorterSide)
    {
        if (codec is null)
        {
            return null;
        }

        var origin = codec.EncodedOrigin;
        var shown = byShorterSide ? Math.Min(codec.Info.Width, codec.Info.Height) : Turned(origin) ? codec.Info.Height : codec.Info.Width;
        var decoded = Decode(codec, Math.Min(1f, Math.Max(1, width) / (float)shown));
        if (decoded is null)
        {
            return null;
        }

        var upright = Upright(decoded, origin);
        if (upright is null)
        {
            return decoded;
        }

        decoded.Dispose();
        return upright;
    }

    private static byte[]? Encode(SKBitmap source, SKRectI area, int width, int height, SKEncodedImageFormat format, int quality)
    {
        // sRGB, so a photo in a wide colour space (Display P3) is converted rather than shown washed out.
        using var target = new SKBitmap(new SKImageInfo(
            width, height, SKColorType.Rgba8888, source.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(target))
        {
            // Immutable bitmaps are drawn without another full-size copy.
            source.SetImmutable();
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, area, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        target.SetImmutable();
        using var pixels = target.PeekPixels();
        using var encoded = pixels.Encode(format, quality);
        return encoded?.ToArray();
    }

    /// Decodes at the smallest size the format decodes directly (for JPEG k/8 of the whole) that is still at least
    /// <paramref name="scale"/>, else at full size; scaling down from there is then exact.
    private static SKBitmap? Decode(SKCodec codec, float scale)
    {
        for (var eighths = (int)Math.Ceiling(scale * 8); eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (scaled.Width < codec.Info.Width && scaled.Width >= codec.Info.Width * scale && scaled.Height >= codec.Info.Height * scale)
            {
                if (SKBitmap.Decode(codec, codec.Info.WithSize(scaled.Width, scaled.Height)) is { } smaller)
                {
                    return smaller;
                }

                break;
            }
        }

        return SKBitmap.Decode(codec, codec.Info);
    }

    /// Quarter and half turns; the mirrored orientations (which cameras do not write) are left as stored.
    private static bool Turned(SKEncodedOrigin origin) => origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;

    /// The bitmap turned upright, or null when it already is.
    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return null;
        }

        var turned = degrees == 180
            ? new SKBitmap(bitmap.Width, bitmap.Height, bitmap.ColorType, bitmap.AlphaType)
            : new SKBitmap(bitmap.Height, bitmap.Width, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }
}

/// An image's size as readers see it, and whether it is animated (GIF, WebP, APNG).
public sealed record ImageInfo(int Width, int Height, bool Animated);
