using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlogSite.Cms.Content.Definitions;

public sealed class ContentTypePartDefinition
{
    public string PartName { get; set; } = "";

    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
