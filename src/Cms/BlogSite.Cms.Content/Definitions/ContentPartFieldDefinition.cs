using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlogSite.Cms.Content.Definitions;

public sealed class ContentPartFieldDefinition
{
    public string FieldName { get; set; } = "";

    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// The name editors and readers see: the definition's display name, else the technical name.
    public string DisplayName =>
        Settings["ContentPartFieldSettings"]?[nameof(DisplayName)] is JsonValue name && name.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : Name;

    public TSettings? SettingsOf<TSettings>() where TSettings : class => DefinitionSettings.Get<TSettings>(Settings);
}
