using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Search;

/// What of an item goes into the full-text index: its title and its body as plain text.
public sealed class SearchText(MarkdownRenderer markdown)
{
    /// Readers search what they can read: published items with a body, not containers or taxonomies.
    public static bool IsSearchable(ContentItem item) =>
        item.Published && item.Content["ListPart"] is null && item.Content["TaxonomyPart"] is null;

    public static string Title(ContentItem item) =>
        item.Content["TitlePart"]?["Title"] is JsonValue title && title.TryGetValue<string>(out var text) ? text : item.DisplayText;

    public string Body(ContentItem item) =>
        item.Content["MarkdownBodyPart"]?["Markdown"] is JsonValue md && md.TryGetValue<string>(out var markdownText)
            ? markdown.ToPlainText(markdownText)
            : item.Content["HtmlBodyPart"]?["Html"] is JsonValue html && html.TryGetValue<string>(out var htmlText)
                ? MarkdownRenderer.HtmlToPlainText(htmlText)
                : "";
}
