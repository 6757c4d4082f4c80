using System.Security.Cryptography;
using System.Text;
using BlogSite.Cms.Content.Media;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Content.Markdown;

/// The one Markdown renderer, for the public site and the editor's preview alike. Its HTML is sanitized, because an
/// author's Markdown may carry raw HTML that must not reach a reader's browser as script.
/// Parsing and sanitizing cost about a millisecond per post, so results are kept in a bounded cache keyed by a hash of
/// the text: a list page or a feed renders each body once, not on every request.
public sealed partial class MarkdownRenderer : IDisposable
{
    private const long CacheBytes = 32 * 1024 * 1024;

    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Use<EmbedExtension>()
        .Build();

    // Setting up the sanitizer (AngleSharp's tables) takes a third of a second; it starts on another core when the site
    // starts, so neither start-up nor the first page (which shows no sanitized body) waits for it.
    private readonly Lazy<HtmlSanitizer> sanitizer = new(CreateSanitizer);

    private readonly ResponsiveImageMarkup? images;

    public MarkdownRenderer(ResponsiveImageMarkup? images = null)
    {
        this.images = images;
        _ = Task.Run(() => sanitizer.Value);
    }

    /// Markdown past <see cref="MarkdownLimits"/> is not parsed: its place shows why.
    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? ""
        : MarkdownLimits.Problem(markdown) is { } problem ? $"<p class=\"markdown-refused\">{System.Net.WebUtility.HtmlEncode(problem)}</p>"
        : Cached("html", markdown, text => sanitizer.Value.Sanitize(Markdig.Markdown.ToHtml(text, pipeline)));

    /// <see cref="ToHtml"/> for a page of the site: library images get the widths a reader's screen needs. Feeds keep
    /// the plain images, which every reader understands.
    public string ToPageHtml(string? markdown) =>
        images is null || string.IsNullOrWhiteSpace(markdown) ? ToHtml(markdown) : Cached("page", markdown, text => images.Enhance(ToHtml(text)));

    /// <see cref="SanitizeHtml"/> for a page of the site, with responsive library images.
    public string SanitizePageHtml(string? html) =>
        images is null || string.IsNullOrWhiteSpace(html) ? SanitizeHtml(html) : Cached("cleanpage", html, text => images.Enhance(SanitizeHtml(text)));

    /// The whole text without markup, for the search index and reading time.
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || MarkdownLimits.Problem(markdown) is not null ? "" : Markdig.Markdown.ToPlainText(markdown, pipeline).Trim();

    public static string HtmlToPlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body?.TextContent.Trim() ?? "";

    public string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Cached("clean", html, text => sanitizer.Value.Sanitize(text));

    /// The first paragraph as plain text, for summaries and meta descriptions.
    public string FirstParagraph(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || MarkdownLimits.Problem(markdown) is not null ? "" : Cached("first", markdown, ParseFirstParagraph);

    public void Dispose() => rendered.Dispose();

    private string Cached(string kind, string markdown, Func<string, string> render)
    {
        var key = kind + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)));
        if (rendered.TryGetValue(key, out string? html) && html is not null)
        {
            return html;
        }

        html = render(markdown);
        rendered.Set(key, html, new MemoryCacheEntryOptions { Size = 2L * (html.Length + key.Length) });
        return html;
    }

    private string ParseFirstParagraph(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph is null)
        {
            return "";
        }

        var text = Markdig.Markdown.ToPlainText(markdown[paragraph.Span.Start..(paragraph.Span.End + 1)], pipeline);
        return text.Trim();
    }

    /// Every author id gets this prefix (and in-page links to them follow), so a post can never reuse an id of the
    /// layout's or the editor's, even one that already starts with it.
    public const string IdPrefix = "post-";

    private static readonly string[] FormElements = ["form", "input", "button", "select", "textarea", "option", "optgroup", "datalist", "output", "fieldset", "legend", "label"];

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        // A video placeholder names its provider and video; embeds.js checks both before it builds a player.
        sanitizer.AllowedAttributes.Add("data-embed-provider");
        sanitizer.AllowedAttributes.Add("data-embed-id");
        // No forms in a post: a password field posting to another site looks like the site asking for it.
        foreach (var element in FormElements)
        {
            sanitizer.AllowedTags.Remove(element);
        }

        // "\evil.example/x" is a relative address to a parser, but browsers read a leading backslash as "//".
        sanitizer.FilterUrl += (_, e) =>
        {
            var url = e.OriginalUrl.TrimStart();
            if (url.StartsWith('\\') || url.StartsWith("/\\", StringComparison.Ordinal))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }

            if (element.GetAttribute("id") is { Length: > 0 } id)
            {
                element.SetAttribute("id", IdPrefix + id);
            }

            // No inline style: readers' pages allow none (nor could an overlay then cover the page); a table's
            // column alignment becomes a class the themes style.
            if (element.GetAttribute("style") is { } style)
            {
                if (element.LocalName is "th" or "td" && TextAlign().Match(style) is { Success: true } align)
                {
                    element.ClassList.Add("align-" + align.Groups["side"].Value.ToLowerInvariant());
                }

                element.RemoveAttribute("style");
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
            {
                element.SetAttribute("href", "#" + IdPrefix + href[1..]);
            }
        };
        return sanitizer;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"text-align:\s*(?<side>left|right|center)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TextAlign();
}
