using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Definitions;

/// Every type and part of the site: the same shape as the ContentDefinition recipe step.
public sealed class ContentDefinitionDocument
{
    public List<ContentTypeDefinition> ContentTypes { get; set; } = [];

    public List<ContentPartDefinition> ContentParts { get; set; } = [];

    public ContentTypeDefinition? Type(string name) =>
        ContentTypes.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public ContentPartDefinition? Part(string name) =>
        ContentParts.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// The taxonomy fields that choose their terms from <paramref name="taxonomyId"/>, with the part holding each.
    public IEnumerable<(ContentPartDefinition Part, ContentPartFieldDefinition Field, TaxonomyFieldSettings Settings)> TaxonomyFieldsChoosingFrom(string taxonomyId) =>
        from part in ContentParts
        from field in part.ContentPartFieldDefinitionRecords
        where field.FieldName == nameof(TaxonomyField)
        let settings = field.SettingsOf<TaxonomyFieldSettings>()
        where settings?.TaxonomyContentItemId == taxonomyId
        select (part, field, settings!);

    /// Orchard Core's merge: a type, part or field named again gets the new display name, its settings are merged
    /// key by key, and each part or field it names is added or merged; what it does not name stays.
    public void Merge(ContentDefinitionDocument other)
    {
        ArgumentNullException.ThrowIfNull(other);
        MergeByName(ContentTypes, other.ContentTypes, t => t.Name, (existing, type) =>
        {
            existing.DisplayName = type.DisplayName ?? existing.DisplayName;
            MergeSettings(existing.Settings, type.Settings);
            MergeByName(existing.ContentTypePartDefinitionRecords, type.ContentTypePartDefinitionRecords, p => p.Name, (existingPart, part) =>
            {
                existingPart.PartName = part.PartName;
                MergeSettings(existingPart.Settings, part.Settings);
            });
        });
        MergeByName(ContentParts, other.ContentParts, p => p.Name, (existing, part) =>
        {
            MergeSettings(existing.Settings, part.Settings);
            MergeByName(existing.ContentPartFieldDefinitionRecords, part.ContentPartFieldDefinitionRecords, f => f.Name, (existingField, field) =>
            {
                existingField.FieldName = field.FieldName;
                MergeSettings(existingField.Settings, field.Settings);
            });
        });
    }

    /// Each incoming entry is merged into the entry of the same name, or added as a copy when there is none.
    private static void MergeByName<T>(List<T> target, IEnumerable<T> incoming, Func<T, string> nameOf, Action<T, T> merge)
    {
        foreach (var entry in incoming)
        {
            var existing = target.Find(t => string.Equals(nameOf(t), nameOf(entry), StringComparison.Ordinal));
            if (existing is null)
            {
                target.Add(Clone(entry));
            }
            else
            {
                merge(existing, entry);
            }
        }
    }

    private static void MergeSettings(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value?.DeepClone();
        }
    }

    private static T Clone<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, ContentJson.Options), ContentJson.Options)!;
}
