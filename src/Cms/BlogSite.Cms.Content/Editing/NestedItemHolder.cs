using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Cms.Content.Editing;

/// A part of a type that holds items inside its item: a BagPart (its "ContentItems") or a FlowPart (its "Widgets"),
/// under the name the type gives the part, as Orchard Core stores them.
public sealed record NestedItemHolder(string PartKey, string PartName, IReadOnlyList<string> AllowedTypes)
{
    public string ListProperty => PartName == nameof(FlowPart) ? "Widgets" : "ContentItems";

    /// The parts of <paramref name="type"/> that hold nested items, with the types each may hold.
    public static IReadOnlyList<NestedItemHolder> Of(ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(definitions);
        return [.. type.ContentTypePartDefinitionRecords
            .Where(p => p.PartName is nameof(BagPart) or nameof(FlowPart))
            .Select(p => new NestedItemHolder(p.Name, p.PartName, TypesHeldBy(p, definitions)))];
    }

    /// The held items, as the live array of <paramref name="content"/> (created empty when missing).
    public JsonArray Items(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content[PartKey] is not JsonObject part)
        {
            content[PartKey] = part = [];
        }

        if (part[ListProperty] is not JsonArray items)
        {
            part[ListProperty] = items = [];
        }

        return items;
    }

    /// The held items as stored, read without changing <paramref name="content"/>.
    public IReadOnlyList<JsonObject?> ItemsIn(JsonObject content) =>
        content?[PartKey]?[ListProperty] is JsonArray items ? [.. items.Select(i => i as JsonObject)] : [];

    /// The held item at <paramref name="index"/>, or null when there is none.
    public JsonObject? ItemAt(JsonObject content, int index) => ItemsIn(content).ElementAtOrDefault(index);

    private static List<string> TypesHeldBy(ContentTypePartDefinition part, ContentDefinitionDocument definitions)
    {
        var settings = part.Settings[$"{part.PartName}Settings"] is JsonObject own
            ? own.Deserialize<NestedItemsPartSettings>(ContentJson.Options)
            : null;
        if (settings?.ContainedContentTypes is { Count: > 0 } named)
        {
            return [.. named.Where(t => definitions.Type(t) is not null)];
        }

        var stereotypes = settings?.ContainedStereotypes is { Count: > 0 } given ? given
            : part.PartName == nameof(FlowPart) ? ["Widget"]
            : [];
        return [.. definitions.ContentTypes
            .Where(t => DefinitionSettings.Get<ContentTypeSettings>(t.Settings)?.Stereotype is { } stereotype && stereotypes.Contains(stereotype))
            .Select(t => t.Name)];
    }
}
