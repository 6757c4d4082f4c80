using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Content.Media;

/// Media files on the file system, served at /media. Imports write into a staging folder beside the media folder
/// (never inside it, so nothing staged is ever served) and move the files into place only once the database has
/// committed, so a failed import leaves the media folder as it was.
public sealed class MediaStore(IOptions<MediaOptions> options, IHostEnvironment? environment = null)
{

    private static readonly HashSet<string> AllowedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".ico", ".pdf", ".mp3", ".mp4", ".webm",
    };

    public string Root { get; } = Path.GetFullPath(Path.Combine(
        environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), options.Value.Path));

    /// Why <paramref name="relativePath"/> cannot be a media path, or null when it can.
    public static string? Problem(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return "A media path is required.";
        }

        var path = relativePath.Replace('\\', '/');
        if (path.StartsWith('/') || Path.IsPathRooted(path) || path.Split('/').Any(s => s is ".." or "." || s.StartsWith('.')))
        {
            return $"'{relativePath}' must stay inside the media folder (no leading '/', no '..', no hidden names).";
        }

        return AllowedExtensions.Contains(Path.GetExtension(path))
            ? null
            : $"'{relativePath}' is not an allowed media type ({string.Join(", ", AllowedExtensions.Order(StringComparer.Ordinal))}).";
    }

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    /// Every file in the media folder, as media paths.
    public IReadOnlyList<string> AllFiles() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))]
            : [];

    public MediaBatch BeginBatch() => new(this, Path.Combine(Beside("staging"), Guid.NewGuid().ToString("N")));

    /// A hidden folder beside the media folder, on the same storage every node shares, for files that are never served.
    public string Beside(string purpose) => Path.Combine(Path.GetDirectoryName(Root)!, $".{Path.GetFileName(Root)}-{purpose}");

    internal string FullPath(string relativePath) =>
        Problem(relativePath) is { } problem ? throw new ArgumentException(problem, nameof(relativePath)) : Path.Combine(Root, relativePath.Replace('\\', '/'));
}
