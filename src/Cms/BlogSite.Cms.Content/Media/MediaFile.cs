namespace BlogSite.Cms.Content.Media;

/// An image in the media library, by its media path (what a MediaField stores).
public sealed record MediaFile(string Path, long Length, DateTime ModifiedUtc)
{
    public string Url => "/media/" + string.Join('/', Path.Split('/').Select(Uri.EscapeDataString));
}
