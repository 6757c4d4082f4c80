using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Cms.Content.Search;

/// What of an item goes into the full-text index: its title and its body as plain text.
public sealed class SearchText(MarkdownRenderer markdown)
{
    /// Readers search what they can read: published items with a page of their own, not containers, taxonomies or
    /// menus.
    public static bool IsSearchable(ContentItem item) =>
        item.Published && item.Has<AutoroutePart>() && !item.Has<ListPart>() && !item.Has<TaxonomyPart>();

    public static string Title(ContentItem item) => item.As<TitlePart>()?.Title ?? item.DisplayText;

    public string Body(ContentItem item) =>
        item.As<MarkdownBodyPart>()?.Markdown is { } markdownText
            ? markdown.ToPlainText(markdownText)
            : item.As<HtmlBodyPart>()?.Html is { } htmlText
                ? MarkdownRenderer.HtmlToPlainText(htmlText)
                : "";
}
