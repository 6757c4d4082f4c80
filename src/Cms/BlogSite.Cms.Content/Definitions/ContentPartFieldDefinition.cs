using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Definitions;

public sealed class ContentPartFieldDefinition
{
    public string FieldName { get; set; } = "";

    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public T? SettingsOf<T>(string settingsName) where T : class =>
        Settings[settingsName] is JsonObject settings ? settings.Deserialize<T>(ContentJson.Options) : null;
}
