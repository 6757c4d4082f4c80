using System.Globalization;
using BlogSite.Cms.Content.Queries;
using BlogSite.Cms.Content.Search;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Blog.Display;

// The read-only models the theme draws. They carry text and URLs only; the theme decides how they look.

public sealed record TermLink(string Name, string Url);

public sealed record PostLink(string Title, string Url);

/// <param name="CacheKey">Names this summary's content: the same key always draws the same HTML (the version of the
/// post and the change it was drawn at, so a later change names new keys). A theme may keep its drawn summary under it
/// (`&lt;cache vary-by&gt;`); a summary without one is drawn every time.</param>
public sealed record PostSummary(
    string Title,
    string Url,
    string? Subtitle,
    DateTime? PublishedUtc,
    TermLink? Category,
    IReadOnlyList<TermLink> Tags,
    string Excerpt,
    int ReadingMinutes,
    string? CacheKey = null);

public sealed record PostView(
    string Title,
    string? Subtitle,
    DateTime? PublishedUtc,
    DateTime? ModifiedUtc,
    string? Author,
    TermLink? Category,
    IReadOnlyList<TermLink> Tags,
    IHtmlContent Body,
    string? ImageUrl,
    int ReadingMinutes)
{
    public PostLink? Newer { get; init; }

    public PostLink? Older { get; init; }

    /// The author's page, when the post is credited to someone.
    public string? AuthorUrl { get; init; }

    public string? AuthorPictureUrl { get; init; }

    public IReadOnlyList<PostSummary> Related { get; init; } = [];

    /// The post's other fields (added to the type in a recipe or the admin), each with its default display.
    public IReadOnlyList<BlogSite.Cms.Content.Display.FieldView> Fields { get; init; } = [];

    /// The featured image's alt text ("" when it is decoration) and caption.
    public string ImageAlt { get; init; } = "";

    public string? ImageCaption { get; init; }
}

/// <see cref="QueryPrefix"/> (already URL-encoded, like "q=korea") is kept on every page link.
public sealed record PagerView(int Page, int TotalPages, string BasePath, string? QueryPrefix = null)
{
    /// How many pages are linked on each side of the current one.
    public const int Around = 2;

    /// The page numbers the pager links, the same few however many pages there are.
    public IReadOnlyList<int?> Window => PagedItems.Window(Page, TotalPages, Around);

    public string UrlFor(int page) => (page <= 1, QueryPrefix) switch
    {
        (true, null) => BasePath,
        (true, _) => $"{BasePath}?{QueryPrefix}",
        (false, null) => $"{BasePath}?page={page}",
        (false, _) => $"{BasePath}?{QueryPrefix}&page={page}",
    };
}

public sealed record PostListView(
    string Heading,
    string? Kind,
    IReadOnlyList<TermLink> Breadcrumb,
    IReadOnlyList<PostSummary> Posts,
    PagerView Pager)
{
    /// The list's own feed, for term pages.
    public string? FeedUrl { get; init; }

    /// What the list's item says of itself (a blog's description), sanitized; null when it says nothing.
    public IHtmlContent? Introduction { get; init; }

    /// An author's own words about themselves, as plain text.
    public string? Bio { get; init; }

    /// The author's picture, on an author page.
    public string? PictureUrl { get; init; }
}

public sealed record PageView(string Title, IHtmlContent Body)
{
    public IReadOnlyList<BlogSite.Cms.Content.Display.FieldView> Fields { get; init; } = [];

    /// What the page holds in a bag or a flow (Orchard Core's BagPart and FlowPart), in order.
    public IReadOnlyList<BlogSite.Cms.Content.Display.NestedItemView> Items { get; init; } = [];

    /// A taxonomy's page lists its terms that have posts, with how many (Orchard Core's taxonomy page lists its terms).
    public IReadOnlyList<NavTerm> Terms { get; init; } = [];
}

public sealed record SearchResultView(string Title, string Url, DateTime? PublishedUtc, IHtmlContent Snippet);

public sealed record SearchView(string Query, int Total, IReadOnlyList<SearchResultView> Results, PagerView Pager)
{
    /// More posts match than are ranked (<see cref="FullTextIndex.Window"/>): the results are the best of the newest.
    public bool IsCapped => Total > FullTextIndex.Window;

    public string MatchCount => Total switch
    {
        1 => "1 post matches",
        > FullTextIndex.Window => $"More than {FullTextIndex.Window:N0} posts match",
        _ => $"{Total:N0} posts match",
    };

    public string? CappedNote => !IsCapped ? null : $"These are the best matches among the newest {FullTextIndex.Window:N0}; add words to narrow the search.";
}

public sealed record NavTerm(string Name, string Url, int Count, int Level);

public sealed record ArchiveLink(string Label, string Url, int Count)
{
    /// The link to a month with <paramref name="count"/> posts, named and addressed as everywhere else.
    public static ArchiveLink Of(int year, int month, int count) => new(MonthName(year, month), PathOf(year, month), count);

    /// Where a month's archive lives.
    public static string PathOf(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"/archive/{year:D4}/{month:D2}");

    /// "June 2015": how an archive month is named, in links and on its page alike.
    public static string MonthName(int year, int month) =>
        new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}

/// The main menu and the path of the page it is drawn on.
public sealed record MainMenuView(IReadOnlyList<BlogSite.Cms.Content.Menus.MenuEntry> Entries, string CurrentPath);

public sealed record SiteNavigationView(IReadOnlyList<NavTerm> Categories, IReadOnlyList<NavTerm> Tags, IReadOnlyList<ArchiveLink> Archives)
{
    /// The page listing every tag, when the map shows only some.
    public string? AllTagsUrl { get; init; }

    /// The page listing every month, when the map shows only some.
    public string? AllMonthsUrl { get; init; }
}

/// /archive: every month with posts, grouped by year, newest first.
public sealed record ArchiveIndexView(IReadOnlyList<ArchiveYear> Years);

public sealed record ArchiveYear(int Year, int Count, IReadOnlyList<ArchiveLink> Months);

public sealed record FeedLink(string Title, string Url);

/// What the layout needs from any page: titles, description, canonical URL, sharing tags and structured data.
public sealed record LayoutData(string SiteName, string? Tagline, string PageTitle, string? MetaDescription)
{
    public string? CanonicalUrl { get; init; }

    public string OpenGraphType { get; init; } = "website";

    public string? ImageUrl { get; init; }

    /// Serialized JSON-LD, already safe to place inside a script element.
    public string? JsonLd { get; init; }

    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];

    public bool NoIndex { get; init; }

    /// A line above the page's content, such as "this is a preview", with an optional link.
    public string? Notice { get; init; }

    public PostLink? NoticeLink { get; init; }

    /// False on the error page, which must render even when the database is what failed.
    public bool ShowNavigation { get; init; } = true;
}
