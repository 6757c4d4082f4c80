using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Content.Media;

/// Bound to "BlogSite:Media".
public sealed class MediaOptions
{
    public const string Section = "BlogSite:Media";

    /// Relative paths are under the content root.
    [Required(ErrorMessage = "BlogSite:Media:Path is empty; give the folder media files are kept in.")]
    public string Path { get; set; } = "App_Data/media";

    /// The largest image an editor may upload.
    [Range(1, long.MaxValue, ErrorMessage = "BlogSite:Media:MaxUploadBytes must be a positive number of bytes.")]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}
