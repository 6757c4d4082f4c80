using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Drivers;

/// A field being edited: the key its inputs post under ("Event.StartsAt"), its definition, its stored value (null
/// when empty) and the site, with the settings every field kind shares (label, hint, required).
public sealed record FieldEditContext(string Key, ContentPartFieldDefinition Field, JsonObject? Stored, SiteSettings Site)
{
    public string Label => Field.DisplayName;

    /// The field kind's own settings ("TextFieldSettings"), empty when the definition has none.
    public JsonObject Own => Field.Settings[$"{Field.FieldName}Settings"] as JsonObject ?? [];

    public string? Hint => Own[nameof(Hint)]?.ToString();

    public bool Required => Own[nameof(Required)] is JsonValue value && value.TryGetValue<bool>(out var required) && required;

    /// The field kind's settings as <typeparamref name="TSettings"/>, or null when the definition has none.
    public TSettings? Settings<TSettings>() where TSettings : class => Own.Deserialize<TSettings>(ContentJson.Options);

    /// A stored property as the form shows it.
    public string? Text(string property) => Stored?[property] is JsonValue value ? value.ToString() : null;

    /// A stored list of strings ("ContentItemIds", "Paths") as a choice input's value.
    public string Lines(string property) =>
        EditorChoice.Join(Stored?[property] is JsonArray values ? values.OfType<JsonValue>().Select(v => v.ToString()) : []);
}
