using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BlogSite.Cms.Content.Markdown;

/// Puts <see cref="EmbedParagraphRenderer"/> in place of Markdig's paragraph renderer.
internal sealed class EmbedExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new EmbedParagraphRenderer());
        }
    }
}
