using System.Net;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BlogSite.Cms.Content.Markdown;

/// A paragraph that is nothing but the address of a video on the allow-list becomes a player placeholder: a link to
/// the video that embeds.js turns into the provider's player when the reader clicks, so nothing is fetched from the
/// provider before that. Every other paragraph is written as usual.
internal sealed class EmbedParagraphRenderer : HtmlObjectRenderer<ParagraphBlock>
{
    private readonly ParagraphRenderer paragraphs = new();

    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        // Plain text (summaries, the search index) keeps the address as it was written.
        if (!renderer.EnableHtmlForBlock || Embed(obj) is not { } embed)
        {
            paragraphs.Write(renderer, obj);
            return;
        }

        var (video, url) = embed;
        renderer.EnsureLine();
        renderer.Write($"<figure class=\"embed\" data-embed-provider=\"{video.Provider}\" data-embed-id=\"{video.Id}\">");
        renderer.Write($"<a class=\"embed-play\" href=\"{WebUtility.HtmlEncode(url)}\">Play the video on {video.Name}</a>");
        renderer.Write($"<figcaption class=\"embed-note\">Playing it loads the player from {video.Name}.</figcaption>");
        renderer.WriteLine("</figure>");
    }

    private static (VideoEmbed Video, string Url)? Embed(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not LinkInline { IsImage: false } link || link.NextSibling is not null)
        {
            return null;
        }

        // Only a bare address on its own line, as an author pastes it; a link with words of its own stays a link.
        var text = link.FirstChild is LiteralInline { NextSibling: null } literal ? literal.Content.ToString() : null;
        return text == link.Url && VideoEmbed.From(link.Url) is { } video ? (video, link.Url!) : null;
    }
}
