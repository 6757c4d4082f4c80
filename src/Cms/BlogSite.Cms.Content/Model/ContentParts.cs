using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BlogSite.Cms.Content.Model;

/// Typed access to the parts of an item's JSON. A part's name is its type's name, as in Orchard Core, so it is written
/// once, in the type. Reads tolerate JSON of the wrong shape (an imported item may carry anything); writes merge into
/// the stored part, so properties the type does not know are kept.
public static class ContentParts
{
    private static readonly JsonSerializerOptions WriteOptions = new(ContentJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string NameOf<TPart>() => typeof(TPart).Name;

    public static TPart? Get<TPart>(JsonObject content) where TPart : class
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Find(content, NameOf<TPart>()) is not JsonObject part)
        {
            return null;
        }

        try
        {
            return part.Deserialize<TPart>(ContentJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool Has<TPart>(JsonObject content) => Node<TPart>(content) is not null;

    /// The stored part itself, for code that edits nested JSON in place (a taxonomy's term tree).
    public static JsonObject? Node<TPart>(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Find(content, NameOf<TPart>()) as JsonObject;
    }

    /// Writes the part's non-null properties over the stored ones.
    public static void Apply<TPart>(JsonObject content, TPart part) where TPart : class
    {
        ArgumentNullException.ThrowIfNull(content);
        var stored = Writable(content, NameOf<TPart>());
        foreach (var (property, value) in JsonSerializer.SerializeToNode(part, WriteOptions)!.AsObject())
        {
            if (!stored.ContainsKey(property))
            {
                RemoveAll(stored, property);
            }

            stored[property] = value?.DeepClone();
        }
    }

    public static void Remove<TPart>(JsonObject content) => RemoveAll(content, NameOf<TPart>());

    // Recipe JSON is matched without regard to case, as Orchard Core's importer matches it.
    private static JsonNode? Find(JsonObject json, string name) =>
        json.TryGetPropertyValue(name, out var exact) ? exact
        : json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// The part's object under its exact name, where it was; a part stored under another casing is moved there.
    private static JsonObject Writable(JsonObject content, string name)
    {
        if (content[name] is JsonObject exact)
        {
            return exact;
        }

        var stored = Find(content, name) as JsonObject ?? [];
        RemoveAll(content, name);
        var part = (JsonObject)stored.DeepClone();
        content[name] = part;
        return part;
    }

    private static void RemoveAll(JsonObject json, string name)
    {
        foreach (var key in json.Select(p => p.Key).Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            json.Remove(key);
        }
    }
}
