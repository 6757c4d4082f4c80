using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Definitions;

/// A content type as Orchard Core's ContentDefinition step writes it.
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";

    public string? DisplayName { get; set; }

    public JsonObject Settings { get; set; } = [];

    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// The type's use of <typeparamref name="TPart"/>, whose settings say how the part behaves for this type.
    public ContentTypePartDefinition? PartOf<TPart>() =>
        ContentTypePartDefinitionRecords.Find(p => p.PartName == ContentParts.NameOf<TPart>());

    public bool HasPart(string partName) =>
        ContentTypePartDefinitionRecords.Exists(p => p.PartName == partName || p.Name == partName);
}
