using Microsoft.AspNetCore.Html;

namespace BlogSite.Blog.Display;

// The read-only models the theme draws. They carry text and URLs only; the theme decides how they look.

public sealed record TermLink(string Name, string Url);

public sealed record PostSummary(
    string Title,
    string Url,
    string? Subtitle,
    DateTime? PublishedUtc,
    TermLink? Category,
    IReadOnlyList<TermLink> Tags,
    string Excerpt,
    int ReadingMinutes);

public sealed record PostView(
    string Title,
    string? Subtitle,
    DateTime? PublishedUtc,
    string? Author,
    TermLink? Category,
    IReadOnlyList<TermLink> Tags,
    IHtmlContent Body,
    string? ImageUrl,
    int ReadingMinutes);

public sealed record PagerView(int Page, int TotalPages, string BasePath)
{
    public string UrlFor(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page}";
}

public sealed record PostListView(
    string Heading,
    string? Kind,
    IReadOnlyList<TermLink> Breadcrumb,
    IReadOnlyList<PostSummary> Posts,
    PagerView Pager);

public sealed record PageView(string Title, IHtmlContent Body);

/// What the layout needs from any page: the site's name and this page's title and description.
public sealed record LayoutData(string SiteName, string? Tagline, string PageTitle, string? MetaDescription);
