using BlogSite.Blog.Authors;
using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Blog.Display;

/// Turns stored posts into what the theme draws: rendered Markdown, term links, reading time.
public sealed class BlogPostPresenter(
    TermCatalog terms, MarkdownRenderer markdown, FieldDisplays fields, NestedItemDisplays nested, PageCacheEntry cache, AuthorDirectory authors)
{
    private const int WordsPerMinute = 220;


    public async Task<PostSummary> SummaryAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        cache.ShowsItem(post.ContentItemId);
        var body = post.As<MarkdownBodyPart>()?.Markdown;
        var fields = post.As<BlogPost>();
        return new PostSummary(
            Title(post),
            Url(post.As<AutoroutePart>()?.Path),
            fields?.Subtitle?.Text,
            post.PublishedUtc,
            await FirstTermLinkAsync(fields?.Category, cancellationToken),
            await TermLinksAsync(fields?.Tags, cancellationToken),
            fields?.OwnExcerpt ?? markdown.FirstParagraph(body),
            ReadingMinutes(body));
    }

    public async Task<PostView> PostAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        cache.ShowsItem(post.ContentItemId);
        var body = post.As<MarkdownBodyPart>()?.Markdown;
        var own = post.As<BlogPost>();
        var author = await authors.ByIdAsync(post.Owner);
        if (author is not null)
        {
            cache.ShowsUser(author.UserId);
        }

        return new PostView(
            Title(post),
            own?.Subtitle?.Text,
            post.PublishedUtc,
            post.ModifiedUtc,
            // The person the post is credited to (its owner, whom an editor may choose), else whoever saved it last.
            author?.Name ?? post.Author,
            await FirstTermLinkAsync(own?.Category, cancellationToken),
            await TermLinksAsync(own?.Tags, cancellationToken),
            new HtmlString(markdown.ToPageHtml(body)),
            own?.FirstImage is { } image ? $"/media/{image.TrimStart('/')}" : null,
            ReadingMinutes(body))
        {
            Fields = await fields.OfAsync(post, BlogPost.LaidOutFields, cancellationToken),
            ImageAlt = own?.ImageAlt ?? "",
            ImageCaption = own?.ImageCaption?.Text is { Length: > 0 } caption ? caption : null,
            AuthorUrl = author?.Url,
            AuthorPictureUrl = author?.PictureUrl,
        };
    }

    /// Any other routable item: its title and its Markdown or HTML body, sanitized either way, and its fields.
    public async Task<ContentDisplay> PageAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cache.ShowsItem(item.ContentItemId);
        var html = item.As<MarkdownBodyPart>()?.Markdown is { } body
            ? markdown.ToPageHtml(body)
            : markdown.SanitizePageHtml(item.As<HtmlBodyPart>()?.Html);
        var title = Title(item);
        return new ContentDisplay(title, null, new PageView(title, new HtmlString(html))
        {
            Fields = await fields.OfAsync(item, [], cancellationToken),
            Items = await nested.OfAsync(item, cancellationToken),
        });
    }

    /// The author's excerpt, or else the body's first paragraph.
    public string Excerpt(ContentItem post) =>
        post?.As<BlogPost>()?.OwnExcerpt ?? markdown.FirstParagraph(post?.As<MarkdownBodyPart>()?.Markdown);

    /// A list's own body (Orchard Core's blog keeps its description in its HtmlBodyPart), sanitized.
    public IHtmlContent? Introduction(ContentItem list) =>
        markdown.SanitizeHtml(list?.As<HtmlBodyPart>()?.Html) is { } html && !string.IsNullOrWhiteSpace(html) ? new HtmlString(html) : null;

    public static string Title(ContentItem item) =>
        item?.As<TitlePart>()?.Title is { Length: > 0 } title ? title : item?.DisplayText ?? "";

    public static string Url(string? path) => "/" + (path ?? "").Trim('/');

    public static PostLink Link(ContentItem post) =>
        new(Title(post), Url(post?.As<AutoroutePart>()?.Path));

    private async Task<TermLink?> FirstTermLinkAsync(TaxonomyField? field, CancellationToken cancellationToken) =>
        await TermLinksAsync(field, cancellationToken) is [var first, ..] ? first : null;

    private async Task<IReadOnlyList<TermLink>> TermLinksAsync(TaxonomyField? field, CancellationToken cancellationToken)
    {
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
