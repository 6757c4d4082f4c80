using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Model;

/// Reads and writes a content item in Orchard Core's recipe shape: the version properties at the top, then one
/// property per part.
public static class ContentItemJson
{
    private static readonly HashSet<string> VersionProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Owner",
        "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc",
    };

    /// Throws <see cref="ContentJsonException"/> naming the property at fault.
    public static ContentItem Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var item = new ContentItem
        {
            ContentItemId = RequiredString(json, "ContentItemId"),
            ContentItemVersionId = OptionalString(json, "ContentItemVersionId") ?? "",
            ContentType = RequiredString(json, "ContentType"),
            DisplayText = OptionalString(json, "DisplayText") ?? "",
            Latest = OptionalBool(json, "Latest") ?? true,
            Published = OptionalBool(json, "Published") ?? false,
            Owner = OptionalString(json, "Owner"),
            Author = OptionalString(json, "Author"),
            CreatedUtc = OptionalDate(json, "CreatedUtc"),
            ModifiedUtc = OptionalDate(json, "ModifiedUtc"),
            PublishedUtc = OptionalDate(json, "PublishedUtc"),
        };

        foreach (var (name, value) in json)
        {
            if (VersionProperties.Contains(name))
            {
                continue;
            }

            item.Content[name] = value?.DeepClone();
        }

        return item;
    }

    public static JsonObject Write(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = new JsonObject
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Latest"] = item.Latest,
            ["Published"] = item.Published,
            ["ModifiedUtc"] = Format(item.ModifiedUtc),
            ["PublishedUtc"] = Format(item.PublishedUtc),
            ["CreatedUtc"] = Format(item.CreatedUtc),
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
        };
        foreach (var (name, value) in item.Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    public static string? Format(DateTime? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string RequiredString(JsonObject json, string name) =>
        OptionalString(json, name) is { Length: > 0 } value
            ? value
            : throw new ContentJsonException(name, $"'{name}' is required and must be a non-empty string.");

    private static string? OptionalString(JsonObject json, string name) =>
        Find(json, name) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw new ContentJsonException(name, $"'{name}' must be a string."),
        };

    private static bool? OptionalBool(JsonObject json, string name) =>
        Find(json, name) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw new ContentJsonException(name, $"'{name}' must be true or false."),
        };

    private static DateTime? OptionalDate(JsonObject json, string name)
    {
        var text = OptionalString(json, name);
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new ContentJsonException(name, $"'{name}' is not a date: '{text}'. Use ISO 8601, like 2016-05-28T14:00:00Z.");
    }

    // Recipe property names are matched without regard to case, as Orchard Core's importer does.
    private static JsonNode? Find(JsonObject json, string name)
    {
        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
