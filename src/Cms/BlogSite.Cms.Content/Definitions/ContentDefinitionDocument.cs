using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// Orchard Core's merge: a type, part or field named again gets the new display name, its settings are merged
    /// key by key, and each part or field it names is added or merged; what it does not name stays.
    public void Merge(ContentDefinitionDocument other)
    {
        foreach (var type in other.ContentTypes)
        {
            var existing = Type(type.Name);
            if (existing is null)
            {
                ContentTypes.Add(Clone(type));
                continue;
            }

            existing.DisplayName = type.DisplayName ?? existing.DisplayName;
            MergeSettings(existing.Settings, type.Settings);
            foreach (var part in type.ContentTypePartDefinitionRecords)
            {
                var existingPart = existing.ContentTypePartDefinitionRecords.Find(p => p.Name == part.Name);
                if (existingPart is null)
                {
                    existing.ContentTypePartDefinitionRecords.Add(Clone(part));
                }
                else
                {
                    existingPart.PartName = part.PartName;
                    MergeSettings(existingPart.Settings, part.Settings);
                }
            }
        }

        foreach (var part in other.ContentParts)
        {
            var existing = Part(part.Name);
            if (existing is null)
            {
                ContentParts.Add(Clone(part));
                continue;
            }

            MergeSettings(existing.Settings, part.Settings);
            foreach (var field in part.ContentPartFieldDefinitionRecords)
            {
                var existingField = existing.ContentPartFieldDefinitionRecords.Find(f => f.Name == field.Name);
                if (existingField is null)
                {
                    existing.ContentPartFieldDefinitionRecords.Add(Clone(field));
                }
                else
                {
                    existingField.FieldName = field.FieldName;
                    MergeSettings(existingField.Settings, field.Settings);
                }
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
