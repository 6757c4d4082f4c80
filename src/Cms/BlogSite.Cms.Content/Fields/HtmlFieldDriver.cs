using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Fields;

/// HTML written in the editor, shown sanitized.
public sealed class HtmlFieldDriver(MarkdownRenderer markdown) : FieldDriver<HtmlField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Inputs(new EditorInput($"{context.Key}.Html", context.Label, "textarea", context.Text("Html"), context.Hint, context.Required));
    }

    protected override Task<object?> DisplayAsync(HtmlField value, CancellationToken cancellationToken) =>
        Shown(markdown.SanitizePageHtml(value.Html) is { } html && !string.IsNullOrWhiteSpace(html) ? new HtmlString(html) : null);
}
