using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Fields;

/// A checkbox; shown as yes or no.
public sealed class BooleanFieldDriver : FieldDriver<BooleanField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Inputs(new EditorInput($"{context.Key}.Value", context.Label, "checkbox", context.Text("Value"), context.Hint));
    }

    protected override Task<object?> DisplayAsync(BooleanField value, CancellationToken cancellationToken) => Shown(value.Value);
}
