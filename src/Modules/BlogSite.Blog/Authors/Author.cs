namespace BlogSite.Blog.Authors;

/// A person as readers meet them: the name bylines show, their page's address, their bio and picture.
public sealed record Author(string UserId, string Name, string Slug, string? Bio, string? PictureUrl = null)
{
    public string Url => $"/authors/{Uri.EscapeDataString(Slug)}";

    public string FeedUrl => $"{Url}/rss";
}
