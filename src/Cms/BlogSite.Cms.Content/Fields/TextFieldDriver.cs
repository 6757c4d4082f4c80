using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Fields;

/// A single line, or several when the field's editor is "TextArea"; shown as plain text.
public sealed class TextFieldDriver : FieldDriver<TextField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var multiline = context.Field.Settings["ContentPartFieldSettings"]?["Editor"]?.ToString() == "TextArea";
        return Inputs(new EditorInput($"{context.Key}.Text", context.Label, multiline ? "textarea" : "text", context.Text("Text"), context.Hint, context.Required));
    }

    protected override Task<object?> DisplayAsync(TextField value, CancellationToken cancellationToken) =>
        Shown(string.IsNullOrWhiteSpace(value.Text) ? null : value.Text);
}
