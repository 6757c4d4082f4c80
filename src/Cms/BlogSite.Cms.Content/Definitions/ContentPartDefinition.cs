using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlogSite.Cms.Content.Definitions;

/// A part with fields; a type's own part (named after the type, like BlogPost) is where its fields live.
public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
