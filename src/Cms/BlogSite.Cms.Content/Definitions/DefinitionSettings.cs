using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Definitions;

/// Settings of types, parts and fields, each stored under its settings type's name ("AutoroutePartSettings"), as
/// Orchard Core stores them. Unset values (null, false, zero) are left out, so a definition written in code reads
/// like the same definition written by hand in a recipe.
public static class DefinitionSettings
{
    private static readonly JsonSerializerOptions WriteOptions = new(ContentJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static TSettings? Get<TSettings>(JsonObject settings) where TSettings : class =>
        settings?[typeof(TSettings).Name] is JsonObject stored ? stored.Deserialize<TSettings>(ContentJson.Options) : null;

    public static void Set(JsonObject settings, object value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(value);
        settings[value.GetType().Name] = JsonSerializer.SerializeToNode(value, value.GetType(), WriteOptions);
    }
}
