using System.Globalization;
using SkiaSharp;

namespace BlogSite.Cms.Content.Media;

/// Smaller copies of library images, made on first request and kept in a folder beside the media folder (never inside
/// it, so nothing half-written is ever served): "/media/a.jpg?width=480" as Orchard Core writes it, and with
/// "&amp;format=webp" the WebP encoding when it is the smaller file (else the image's own format; its type is sent).
public sealed class ResizedImages(MediaStore store)
{
    /// Orchard Core's default widths. Only these are made, so requests cannot fill the disk with variants; any other
    /// width gets the original.
    public static readonly IReadOnlyList<int> Widths = [16, 32, 50, 100, 160, 240, 480, 600, 1024, 2048];

    // Decoding a large photo takes a core and tens of megabytes for a moment: two at a time, whatever the machine, and a
    // request that waits longer than a few seconds gets the original instead of queueing without end.
    private static readonly SemaphoreSlim Resizing = new(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private string Root => store.Root.TrimEnd(Path.DirectorySeparatorChar) + "-resized";

    /// Photos and drawings; a GIF may be animated, and a resized copy would keep only its first frame.
    public static bool Resizable(string mediaPath) =>
        Path.GetExtension(mediaPath).ToUpperInvariant() is ".JPG" or ".JPEG" or ".PNG" or ".WEBP";

    /// The file that answers a request for <paramref name="mediaPath"/> at <paramref name="width"/> (null: its own
    /// width), or null when the original answers it (not an image made smaller, an unsupported width, no such file).
    public async Task<ResizedFile?> GetAsync(string mediaPath, int? width, bool webp, CancellationToken cancellationToken)
    {
        if ((width is null && !webp) || (width is { } asked && !Widths.Contains(asked))
            || MediaStore.Problem(mediaPath) is not null || !Resizable(mediaPath) || !store.Exists(mediaPath))
        {
            return null;
        }

        var original = store.FullPath(mediaPath);
        // A file that moves stays whole; one larger than an upload may be (a recipe or a hand copied it in) is not
        // decoded for a reader.
        if (ImageDecoder.InfoOf(original) is not { Animated: false } info || (long)info.Width * info.Height > UploadedImage.MaxPixels)
        {
            return null;
        }

        var target = Math.Min(width ?? info.Width, info.Width);
        // Only the widths pages link to are made: a WebP of a photo wider than the largest would be a full-size decode.
        if ((target == info.Width && !webp) || target > Widths[^1])
        {
            return null;
        }

        // The copy is named after the version of the original it was made from, so a replaced original never gets
        // an older copy, even one made while the new file was being moved into place.
        var source = new FileInfo(original);
        var folder = Path.Combine(Root, mediaPath);
        var prefix = target.ToString(CultureInfo.InvariantCulture) + (webp ? "-webp" : "");
        var cached = Path.Combine(folder, $"{prefix}@{source.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture)}-{source.Length.ToString("x", CultureInfo.InvariantCulture)}");
        if (!File.Exists(cached))
        {
            if (!await Resizing.WaitAsync(LongestWait, cancellationToken))
            {
                return null;
            }

            try
            {
                if (!File.Exists(cached) && await MakeAsync(original, target, target == info.Width, webp, cancellationToken) is { } bytes)
                {
                    await StoreAsync(folder, prefix, cached, bytes);
                }
            }
            finally
            {
                Resizing.Release();
            }
        }

        return File.Exists(cached) ? new ResizedFile(cached, ContentTypeOf(cached)) : null;
    }

    /// Writes the copy whole (a reader leaving does not waste it) and removes copies of older versions at that width.
    private static async Task StoreAsync(string folder, string prefix, string cached, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        var part = cached + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await File.WriteAllBytesAsync(part, bytes, CancellationToken.None);
            File.Move(part, cached, overwrite: true);
        }
        finally
        {
            File.Delete(part);
        }

        foreach (var older in Directory.EnumerateFiles(folder, prefix + "@*").Where(f => f != cached && !f.EndsWith(".part", StringComparison.Ordinal)))
        {
            File.Delete(older);
        }
    }

    /// Removes every resized copy of a file that is deleted.
    public void Forget(string mediaPath)
    {
        var folder = Path.Combine(Root, mediaPath);
        if (MediaStore.Problem(mediaPath) is null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]?> MakeAsync(string original, int width, bool fullWidth, bool webp, CancellationToken cancellationToken)
    {
        var own = Path.GetExtension(original).ToUpperInvariant() switch
        {
            ".PNG" => SKEncodedImageFormat.Png,
            ".WEBP" => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Jpeg,
        };
        var bytes = fullWidth ? await File.ReadAllBytesAsync(original, cancellationToken) : ImageDecoder.Resized(original, width, own, 82);
        if (webp && own != SKEncodedImageFormat.Webp && ImageDecoder.Resized(original, width, SKEncodedImageFormat.Webp, 80) is { } encoded
            && (bytes is null || encoded.Length < bytes.Length))
        {
            bytes = encoded;
        }

        return bytes;
    }

    private static string ContentTypeOf(string file)
    {
        Span<byte> head = stackalloc byte[16];
        using (var stream = File.OpenRead(file))
        {
            head = head[..stream.Read(head)];
        }

        return ImageSignature.ExtensionOf(head) switch
        {
            ".png" => "image/png",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            _ => "image/jpeg",
        };
    }
}

/// A resized copy on disk and the type of image it holds.
public sealed record ResizedFile(string Path, string ContentType);
