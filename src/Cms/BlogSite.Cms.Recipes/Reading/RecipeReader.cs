using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.Cms.Recipes.Reading;

/// Reads Orchard Core recipe files: JSON with `//` and `/* */` comments and trailing commas.
public static class RecipeReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<RecipeDescriptor> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new RecipeException([new RecipeError(null, null, "$", $"Recipe file '{path}' does not exist.")]);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static RecipeDescriptor Parse(string json, string basePath)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, null, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new RecipeException([new RecipeError(null, null, "$", $"The recipe is not valid JSON{where}: {FirstSentence(e.Message)}")]);
        }

        if (root is not JsonObject header)
        {
            throw new RecipeException([new RecipeError(null, null, "$", "A recipe must be a JSON object.")]);
        }

        var errors = new List<RecipeError>();
        var steps = Property(header, "steps") switch
        {
            JsonArray array => array,
            null => Fail(errors, "$.steps", "A recipe needs a 'steps' array.", new JsonArray()),
            _ => Fail(errors, "$.steps", "'steps' must be an array.", new JsonArray()),
        };
        var variables = Property(header, "variables") switch
        {
            JsonObject obj => obj,
            null => [],
            _ => Fail(errors, "$.variables", "'variables' must be an object.", new JsonObject()),
        };
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject step)
            {
                errors.Add(new RecipeError(i, null, $"$.steps[{i}]", "A step must be a JSON object."));
            }
            else if (Property(step, "name") is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new RecipeError(i, null, $"$.steps[{i}].name", "A step needs a 'name' string."));
            }
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }

        return new RecipeDescriptor(
            Name: StringProperty(header, "name") ?? "",
            DisplayName: StringProperty(header, "displayName"),
            Description: StringProperty(header, "description"),
            IsSetupRecipe: Property(header, "issetuprecipe") is JsonValue v && v.GetValueKind() == JsonValueKind.True,
            Variables: variables,
            Steps: steps,
            BasePath: basePath,
            Header: header);
    }

    /// Recipe keys are matched without regard to case, as Orchard Core does (`Data` and `data` alike).
    public static JsonNode? Property(JsonObject json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// The actual key under which <paramref name="name"/> appears, for JSON paths in messages.
    public static string KeyOf(JsonObject json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
    }

    public static string? StringProperty(JsonObject json, string name) =>
        Property(json, name) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static T Fail<T>(List<RecipeError> errors, string path, string message, T fallback)
    {
        errors.Add(new RecipeError(null, null, path, message));
        return fallback;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
