namespace BlogSite.Cms.Content.Media;

/// An image in the media library, by its media path (what a MediaField stores).
public sealed record MediaFile(string Path, long Length, DateTime ModifiedUtc)
{
    /// Pixels across and down, when the file's header says (read once per version of the file).
    public (int Width, int Height)? Size { get; init; }

    public string Name => System.IO.Path.GetFileName(Path);

    public string Url => "/media/" + string.Join('/', Path.Split('/').Select(Uri.EscapeDataString));
}
