namespace BlogSite.Blog.Display;

/// A resolved public page: its title and description for the layout, and the model the theme draws; or, for a
/// path an item has moved away from, where it lives now.
public sealed record ContentDisplay(string Title, string? Description, object? Model)
{
    public string? RedirectTo { get; init; }

    /// The user who owns the item shown (null for lists), for ViewOwnContent.
    public string? Owner { get; init; }

    /// Site-relative; the page model makes it absolute.
    public string? CanonicalPath { get; init; }

    public FeedLink? Feed { get; init; }

    /// The item's own title for search results and tabs (Orchard Core's SeoMetaPart.PageTitle), in place of the title.
    public string? PageTitle { get; init; }

    /// An absolute address the item names as its original (SeoMetaPart.Canonical), in place of its own.
    public string? CanonicalUrl { get; init; }

    public static ContentDisplay Redirect(string path) => new("", null, null) { RedirectTo = path };
}
