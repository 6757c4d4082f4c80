namespace BlogSite.Cms.Content.Media;

/// Bound to "BlogSite:Media".
public sealed class MediaOptions
{
    public const string Section = "BlogSite:Media";

    /// Relative paths are under the content root.
    public string Path { get; set; } = "App_Data/media";

    /// The largest image an editor may upload.
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}
