using BlogSite.Cms.Content.Display;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Fields;

/// An address and the text shown for it; only addresses a reader may safely follow are shown.
public sealed class LinkFieldDriver : FieldDriver<LinkField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Inputs(
            new EditorInput($"{context.Key}.Url", context.Label, "url", context.Text("Url"), context.Hint, context.Required),
            new EditorInput($"{context.Key}.Text", $"{context.Label}: text shown", "text", context.Text("Text")));
    }

    protected override Task<object?> DisplayAsync(LinkField value, CancellationToken cancellationToken) =>
        Shown(SafeLink.Of(value.Url) is { } url ? new LinkValue(string.IsNullOrWhiteSpace(value.Text) ? url : value.Text, url) : null);
}
