using System.Globalization;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BlogSite.Cms.Content.Media;

/// The editors' side of the media folder: uploads checked by content and size, thumbnails, and deletes that refuse
/// to break a post that shows the file.
public sealed class MediaLibrary(MediaStore store, IOptions<MediaOptions> options, CmsDbContext db, MediaDescriptions descriptions, ResizedImages resized)
{
    private const int ThumbnailWidth = 320;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp" };

    private string ThumbnailRoot => store.Root.TrimEnd(Path.DirectorySeparatorChar) + "-thumbnails";

    /// The images in the library, newest first.
    public IReadOnlyList<MediaFile> Images() =>
        [.. store.AllFiles().Where(p => ImageExtensions.Contains(Path.GetExtension(p)) && MediaStore.Problem(p) is null)
            .Select(p => new FileInfo(store.FullPath(p)))
            .Select(f => new MediaFile(Path.GetRelativePath(store.Root, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc)
            {
                Size = ImageDecoder.SizeOf(f.FullName),
            })
            .OrderByDescending(f => f.ModifiedUtc).ThenBy(f => f.Path, StringComparer.Ordinal)];

    /// Whether <paramref name="mediaPath"/> is an image of the library, checked on its own file rather than by
    /// listing (and measuring) every image.
    public bool HasImage(string? mediaPath) =>
        MediaStore.Problem(mediaPath) is null && ImageExtensions.Contains(Path.GetExtension(mediaPath!)) && store.Exists(mediaPath!);

    /// The library's folders (Orchard Core's media folders are the media root's sub-folders), as media paths.
    public IReadOnlyList<string> Folders() =>
        Directory.Exists(store.Root)
            ? [.. Directory.EnumerateDirectories(store.Root, "*", SearchOption.AllDirectories)
                .Select(d => Path.GetRelativePath(store.Root, d).Replace('\\', '/'))
                .Where(f => FolderProblem(f) is null)
                .Order(StringComparer.Ordinal)]
            : [];

    /// Why <paramref name="folder"/> cannot hold media ("" is the root), or null when it can: each part a slug.
    public static string? FolderProblem(string? folder) =>
        string.IsNullOrEmpty(folder) || folder.Split('/').All(part => part.Length is > 0 and <= 80 && SlugGenerator.Slugify(part) == part)
            ? null
            : $"'{folder}' is not a folder name: use letters, digits and dashes.";

    /// Makes a folder named after <paramref name="name"/> inside <paramref name="parent"/>; returns its media path.
    public string CreateFolder(string parent, string name)
    {
        var slug = SlugGenerator.Slugify(name ?? "");
        var folder = string.IsNullOrEmpty(parent) ? slug : $"{parent}/{slug}";
        if (slug.Length == 0 || FolderProblem(folder) is { } problem)
        {
            throw new MediaUploadException(slug.Length == 0 ? "Give the folder a name with letters or digits." : FolderProblem(folder)!);
        }

        Directory.CreateDirectory(Path.Combine(store.Root, folder));
        return folder;
    }

    /// Removes an empty folder; a folder that still holds anything is kept, and null says it went.
    public string? DeleteFolder(string folder)
    {
        if (string.IsNullOrEmpty(folder) || FolderProblem(folder) is not null || !Directory.Exists(Path.Combine(store.Root, folder)))
        {
            return $"'{folder}' is not a folder of the library.";
        }

        if (Directory.EnumerateFileSystemEntries(Path.Combine(store.Root, folder)).Any())
        {
            return $"'{folder}' still holds files or folders; move or delete them first.";
        }

        Directory.Delete(Path.Combine(store.Root, folder));
        return null;
    }

    /// Stores an uploaded image under a slug of its name and the extension of its real type, in
    /// <paramref name="folder"/> ("" for the root); returns its media path.
    public async Task<string> UploadAsync(Stream content, string fileName, long length, string folder = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (FolderProblem(folder) is { } folderProblem)
        {
            throw new MediaUploadException(folderProblem);
        }

        var (bytes, extension) = await UploadedImage.ReadAsync(content, fileName, length, options.Value.MaxUploadBytes, cancellationToken);
        var baseName = SlugGenerator.Slugify(Path.GetFileNameWithoutExtension(fileName));
        baseName = baseName.Length == 0 ? "image" : baseName[..Math.Min(baseName.Length, 80)];
        Directory.CreateDirectory(Path.Combine(store.Root, folder));
        var prefix = string.IsNullOrEmpty(folder) ? "" : folder + "/";
        for (var attempt = 1; ; attempt++)
        {
            var name = prefix + (attempt == 1 ? baseName + extension : $"{baseName}-{attempt.ToString(CultureInfo.InvariantCulture)}{extension}");
            // Written whole under a hidden name (never served), then renamed into place, so no node sharing the media
            // folder ever serves half a file; the rename refuses to replace a file, so two uploads of one name both stay.
            var partial = Path.Combine(Path.GetDirectoryName(store.FullPath(name))!, $".{Guid.NewGuid():N}.partial");
            try
            {
                await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
                File.Move(partial, store.FullPath(name), overwrite: false);
                return name;
            }
            catch (IOException) when (File.Exists(store.FullPath(name)))
            {
            }
            finally
            {
                File.Delete(partial);
            }
        }
    }

    /// The titles of the current and published items that show the file, in a media field or in their Markdown.
    public async Task<IReadOnlyList<string>> UsedByAsync(string mediaPath, CancellationToken cancellationToken = default)
    {
        var asField = System.Text.Json.JsonSerializer.Serialize(mediaPath, ContentJson.Options);
        var asLink = new MediaFile(mediaPath, 0, default).Url;
        // A plain substring search (LIKE would read "\", "%" and "_" in the JSON as patterns); the check below settles it.
        var candidates = db.Database.IsNpgsql()
            ? db.ContentItems.FromSql($"SELECT * FROM \"ContentItems\" WHERE strpos(\"Data\", {asField}) > 0 OR strpos(\"Data\", {asLink}) > 0 OR strpos(\"Data\", {mediaPath}) > 0")
            : db.ContentItems.FromSql($"SELECT * FROM \"ContentItems\" WHERE instr(\"Data\", {asField}) > 0 OR instr(\"Data\", {asLink}) > 0 OR instr(\"Data\", {mediaPath}) > 0");
        var items = await candidates.AsNoTracking().Where(x => x.Latest || x.Published).ToListAsync(cancellationToken);
        return [.. items
            .Where(x => x.Content.ToJsonString(ContentJson.Options) is var json
                && (json.Contains(asField, StringComparison.Ordinal) || json.Contains("/media/" + mediaPath, StringComparison.Ordinal) || json.Contains(asLink, StringComparison.Ordinal)))
            .Select(x => x.DisplayText).Distinct(StringComparer.Ordinal)];
    }

    /// Deletes the file and its thumbnail unless an item shows it; returns those items' titles when it refuses.
    public async Task<IReadOnlyList<string>> DeleteAsync(string mediaPath, CancellationToken cancellationToken = default)
    {
        var users = await UsedByAsync(mediaPath, cancellationToken);
        if (users.Count > 0)
        {
            return users;
        }

        File.Delete(store.FullPath(mediaPath));
        await descriptions.ForgetAsync(mediaPath, cancellationToken);
        resized.Forget(mediaPath);
        // A thumbnail exists only once someone has looked at the library since the upload.
        if (File.Exists(ThumbnailPath(mediaPath)))
        {
            File.Delete(ThumbnailPath(mediaPath));
        }

        return [];
    }

    /// A JPEG at most 320 pixels wide, made on first request and kept beside (never inside) the public media folder.
    public async Task<byte[]?> ThumbnailAsync(string mediaPath, CancellationToken cancellationToken = default)
    {
        if (MediaStore.Problem(mediaPath) is not null || !store.Exists(mediaPath))
        {
            return null;
        }

        var cached = ThumbnailPath(mediaPath);
        if (File.Exists(cached) && File.GetLastWriteTimeUtc(cached) >= File.GetLastWriteTimeUtc(store.FullPath(mediaPath)))
        {
            return await File.ReadAllBytesAsync(cached, cancellationToken);
        }

        if (ImageDecoder.Resized(store.FullPath(mediaPath), ThumbnailWidth, SKEncodedImageFormat.Jpeg, 82) is not { } bytes)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        await File.WriteAllBytesAsync(cached, bytes, cancellationToken);
        return bytes;
    }

    private string ThumbnailPath(string mediaPath) => Path.Combine(ThumbnailRoot, mediaPath.Replace('\\', '/') + ".jpg");
}
