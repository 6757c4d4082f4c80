using System.Collections.Concurrent;
using SkiaSharp;

namespace BlogSite.Cms.Content.Media;

/// Reads image files the way browsers show them: turned as the camera's orientation tag says, and decoded no larger
/// than the width asked for (JPEG decodes at a half, a quarter or an eighth directly, which saves most of the memory).
public static class ImageDecoder
{
    // Sizes by file and version: reading a header is cheap, but a page or the library reads many of them.
    private static readonly ConcurrentDictionary<(string Path, DateTime Modified), (int, int)?> Sizes = new();

    /// Pixels across and down as shown, or null when the file is not a readable image.
    public static (int Width, int Height)? SizeOf(string fullPath)
    {
        var modified = File.GetLastWriteTimeUtc(fullPath);
        return Sizes.GetOrAdd((fullPath, modified), key =>
        {
            using var codec = SKCodec.Create(key.Path);
            return codec is null ? null : Turned(codec.EncodedOrigin) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        });
    }

    /// The image at <paramref name="width"/> pixels across as shown (never wider than it is), encoded as
    /// <paramref name="format"/>; null when the file cannot be read.
    public static byte[]? Resized(string fullPath, int width, SKEncodedImageFormat format, int quality)
    {
        using var codec = SKCodec.Create(fullPath);
        if (codec is null)
        {
            return null;
        }

        var origin = codec.EncodedOrigin;
        var shownWidth = Turned(origin) ? codec.Info.Height : codec.Info.Width;
        var target = Math.Clamp(width, 1, shownWidth);
        using var decoded = Decode(codec, target / (float)shownWidth, Turned(origin));
        if (decoded is null)
        {
            return null;
        }

        using var upright = Upright(decoded, origin);
        var source = upright ?? decoded;
        var height = Math.Max(1, (int)Math.Round(source.Height * (target / (double)source.Width)));
        using var scaled = source.Width == target ? null : source.Resize(new SKImageInfo(target, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(scaled ?? source);
        using var encoded = image.Encode(format, quality);
        return encoded?.ToArray();
    }

    private static SKBitmap? Decode(SKCodec codec, float scale, bool turned)
    {
        var scaled = codec.GetScaledDimensions(scale);
        var wanted = (turned ? codec.Info.Height : codec.Info.Width) * scale;
        // Only a decoded size at least as large as the one wanted is kept; scaling down from it is then exact.
        if ((turned ? scaled.Height : scaled.Width) >= wanted && scaled.Width < codec.Info.Width
            && SKBitmap.Decode(codec, codec.Info.WithSize(scaled.Width, scaled.Height)) is { } smaller)
        {
            return smaller;
        }

        return SKBitmap.Decode(codec, codec.Info);
    }

    private static bool Turned(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// The bitmap turned upright, or null when it already is (mirrored origins, which cameras do not write, are left).
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
