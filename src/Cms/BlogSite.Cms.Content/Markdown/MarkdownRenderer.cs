using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace BlogSite.Cms.Content.Markdown;

/// The one Markdown renderer, for the public site and the editor's preview alike. Its HTML is sanitized, because an
/// author's Markdown may carry raw HTML that must not reach a reader's browser as script.
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, pipeline));

    /// The whole text without markup, for the search index and reading time.
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, pipeline).Trim();

    public static string HtmlToPlainText(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body?.TextContent.Trim() ?? "";

    public string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? "" : sanitizer.Sanitize(html);

    /// The first paragraph as plain text, for summaries and meta descriptions.
    public string FirstParagraph(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph is null)
        {
            return "";
        }

        var text = Markdig.Markdown.ToPlainText(markdown[paragraph.Span.Start..(paragraph.Span.End + 1)], pipeline);
        return text.Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
