using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Display;

/// The default display of every field a type defines in its own part, in the definition's order, so a field added to
/// a type (in a recipe or the admin) shows on its items' pages without code. Each field kind's registered driver says
/// what is shown; empty fields are left out.
public sealed class FieldDisplays(ContentDefinitionStore definitions, ContentDrivers drivers)
{
    /// The fields of <paramref name="item"/>'s own part but those named in <paramref name="shownElsewhere"/>.
    public async Task<IReadOnlyList<FieldView>> OfAsync(ContentItem item, IReadOnlyCollection<string> shownElsewhere, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(shownElsewhere);
        var part = (await definitions.GetSharedAsync(cancellationToken)).Part(item.ContentType);
        if (part is null || item.Content[item.ContentType] is not JsonObject values)
        {
            return [];
        }

        var views = new List<FieldView>();
        foreach (var field in part.ContentPartFieldDefinitionRecords.Where(f => !shownElsewhere.Contains(f.Name)).OrderBy(PositionOf))
        {
            if (values[field.Name] is JsonObject stored && drivers.Field(field.FieldName) is { } driver
                && await driver.DisplayAsync(stored, cancellationToken) is { } value)
            {
                views.Add(new FieldView(field.Name, field.DisplayName, field.FieldName, value));
            }
        }

        return views;
    }

    private static int PositionOf(ContentPartFieldDefinition field) =>
        field.Settings["ContentPartFieldSettings"]?["Position"] is JsonValue position
        && int.TryParse(position.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
