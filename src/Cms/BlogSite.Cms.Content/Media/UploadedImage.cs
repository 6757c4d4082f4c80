using System.Globalization;
using SkiaSharp;

namespace BlogSite.Cms.Content.Media;

/// An uploaded file read and checked as an image: by its content (never its name), its size in bytes and in pixels.
public sealed record UploadedImage(byte[] Bytes, string Extension)
{
    /// A small file can claim a huge canvas; decoding it would take the memory of the server.
    public const long MaxPixels = 50_000_000;

    /// Reads at most <paramref name="limit"/> bytes of <paramref name="content"/>; throws
    /// <see cref="MediaUploadException"/> naming the file and what is wrong with it.
    public static async Task<UploadedImage> ReadAsync(Stream content, string fileName, long length, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length > limit)
        {
            throw new MediaUploadException($"'{fileName}' is {Megabytes(length)}; images may be at most {Megabytes(limit)}.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > limit)
        {
            throw new MediaUploadException($"'{fileName}' is larger than {Megabytes(limit)}.");
        }

        var bytes = buffer.ToArray();
        var extension = ImageSignature.ExtensionOf(bytes)
            ?? throw new MediaUploadException($"'{fileName}' is not a JPEG, PNG, GIF or WebP image (its content was checked, not its name). SVG and HTML files are not accepted.");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new MediaUploadException($"'{fileName}' looks like an image but cannot be read; it may be damaged.");
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            throw new MediaUploadException($"'{fileName}' is {codec.Info.Width} × {codec.Info.Height} pixels; images may have at most {MaxPixels / 1_000_000} million pixels.");
        }

        if (!DecodesWhole(codec))
        {
            throw new MediaUploadException($"'{fileName}' is cut short or damaged: its pixels cannot all be read.");
        }

        return new UploadedImage(bytes, extension);
    }

    /// Decodes every pixel of the first frame, which a header check cannot do: a truncated file has a good header.
    /// JPEG and WebP decode directly at a reduced size, which still reads all of the data; PNG and GIF decode whole,
    /// as a resized copy of them would be made anyway.
    private static bool DecodesWhole(SKCodec codec)
    {
        var info = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul);
        var scale = (float)Math.Min(1, Math.Sqrt(SmallDecodePixels / ((double)info.Width * info.Height)));
        var size = codec.GetScaledDimensions(scale);
        using var bitmap = new SKBitmap(info.WithSize(size.Width, size.Height));
        return codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success;
    }

    // The size JPEG and WebP are decoded at to see that all their data is there.
    private const double SmallDecodePixels = 1_000_000;

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
