using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Blog.Display;

/// Turns stored posts into what the theme draws: rendered Markdown, term links, reading time.
public sealed class BlogPostPresenter(TermCatalog terms, MarkdownRenderer markdown)
{
    private const int WordsPerMinute = 220;

    public async Task<PostSummary> SummaryAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var body = post.As<MarkdownBodyPart>("MarkdownBodyPart")?.Markdown;
        return new PostSummary(
            Title(post),
            Url(post.As<AutoroutePart>("AutoroutePart")?.Path),
            post.Field<TextField>(BlogContentDefinitions.BlogPost, "Subtitle")?.Text,
            post.PublishedUtc,
            await FirstTermLinkAsync(post, "Category", cancellationToken),
            await TermLinksAsync(post, "Tags", cancellationToken),
            markdown.FirstParagraph(body),
            ReadingMinutes(body));
    }

    public async Task<PostView> PostAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var body = post.As<MarkdownBodyPart>("MarkdownBodyPart")?.Markdown;
        var image = post.Field<MediaField>(BlogContentDefinitions.BlogPost, "Image")?.Paths is [var first, ..] ? first : null;
        return new PostView(
            Title(post),
            post.Field<TextField>(BlogContentDefinitions.BlogPost, "Subtitle")?.Text,
            post.PublishedUtc,
            post.ModifiedUtc,
            post.Author,
            await FirstTermLinkAsync(post, "Category", cancellationToken),
            await TermLinksAsync(post, "Tags", cancellationToken),
            new HtmlString(markdown.ToHtml(body)),
            string.IsNullOrEmpty(image) ? null : $"/media/{image.TrimStart('/')}",
            ReadingMinutes(body));
    }

    /// Any other routable item: its title and its Markdown or HTML body, sanitized either way.
    public ContentDisplay Page(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var html = item.As<MarkdownBodyPart>("MarkdownBodyPart")?.Markdown is { } body
            ? markdown.ToHtml(body)
            : markdown.SanitizeHtml(item.As<HtmlBodyPart>("HtmlBodyPart")?.Html);
        var title = Title(item);
        return new ContentDisplay(title, null, new PageView(title, new HtmlString(html)));
    }

    public string Excerpt(ContentItem post) =>
        markdown.FirstParagraph(post?.As<MarkdownBodyPart>("MarkdownBodyPart")?.Markdown);

    public static string Title(ContentItem item) =>
        item?.As<TitlePart>("TitlePart")?.Title is { Length: > 0 } title ? title : item?.DisplayText ?? "";

    public static string Url(string? path) => "/" + (path ?? "").Trim('/');

    public static PostLink Link(ContentItem post) =>
        new(Title(post), Url(post?.As<AutoroutePart>("AutoroutePart")?.Path));

    public static IReadOnlyList<string> TermIds(ContentItem post, string fieldName) =>
        post?.Field<TaxonomyField>(BlogContentDefinitions.BlogPost, fieldName)?.TermContentItemIds ?? [];

    private async Task<TermLink?> FirstTermLinkAsync(ContentItem post, string fieldName, CancellationToken cancellationToken) =>
        await TermLinksAsync(post, fieldName, cancellationToken) is [var first, ..] ? first : null;

    private async Task<IReadOnlyList<TermLink>> TermLinksAsync(ContentItem post, string fieldName, CancellationToken cancellationToken)
    {
        var field = post.Field<TaxonomyField>(BlogContentDefinitions.BlogPost, fieldName);
        var links = new List<TermLink>();
        foreach (var id in field?.TermContentItemIds ?? [])
        {
            if (await terms.FindAsync(id, cancellationToken) is { } term)
            {
                links.Add(new TermLink(term.DisplayText, Url(term.Path)));
            }
        }

        return links;
    }

    private static int ReadingMinutes(string? markdown)
    {
        var words = markdown?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }
}
