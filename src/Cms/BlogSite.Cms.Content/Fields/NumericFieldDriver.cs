using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Fields;

/// A number within the field's minimum and maximum.
public sealed class NumericFieldDriver : FieldDriver<NumericField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Inputs(new EditorInput($"{context.Key}.Value", context.Label, "number", context.Text("Value"), context.Hint, context.Required,
            Bound(context.Own["Minimum"]), Bound(context.Own["Maximum"])));
    }

    protected override Task<object?> DisplayAsync(NumericField value, CancellationToken cancellationToken) => Shown(value.Value);

    private static decimal? Bound(JsonNode? node) => node is JsonValue value && value.TryGetValue<decimal>(out var bound) ? bound : null;
}
