using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;

namespace BlogSite.Cms.Content.Fields;

/// A date and time typed in the site's time zone and stored in UTC.
public sealed class DateTimeFieldDriver : FieldDriver<DateTimeField>
{
    public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var when = context.Stored?["Value"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<DateTime>(out var utc)
            ? context.Site.ShowTime(utc, "yyyy-MM-ddTHH:mm")
            : null;
        return Inputs(new EditorInput($"{context.Key}.Value", $"{context.Label} ({context.Site.TimeZone.Id})", "datetime", when, context.Hint, context.Required));
    }

    protected override Task<object?> DisplayAsync(DateTimeField value, CancellationToken cancellationToken) => Shown(value.Value);
}
