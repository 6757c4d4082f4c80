using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Fields;

/// Markdown written in the editor, shown rendered and sanitized.
public sealed class MarkdownFieldDriver(MarkdownRenderer markdown) : FieldDriver<MarkdownField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Inputs(new EditorInput($"{context.Key}.Markdown", context.Label, "markdown", context.Text("Markdown"), context.Hint, context.Required));
    }

    protected override Task<object?> DisplayAsync(MarkdownField value, CancellationToken cancellationToken) =>
        Shown(markdown.ToPageHtml(value.Markdown) is var html && !string.IsNullOrWhiteSpace(html) ? new HtmlString(html) : null);
}
