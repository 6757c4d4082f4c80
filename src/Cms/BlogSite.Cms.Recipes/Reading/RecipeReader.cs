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

        var fullPath = Path.GetFullPath(path);
        RecipeFileLayout layout;
        await using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            try
            {
                layout = RecipeFileScanner.Scan(stream);
            }
            catch (JsonException e)
            {
                throw SyntaxError(e);
            }
        }

        using var handle = File.OpenHandle(fullPath);
        var fileLength = RandomAccess.GetLength(handle);
        var basePath = Path.GetDirectoryName(fullPath)!;
        if (layout.StepsStart is not { } stepsStart || layout.StepsEnd is not { } stepsEnd)
        {
            return Parse(await File.ReadAllTextAsync(fullPath, cancellationToken), basePath);
        }

        // The header without its steps, then each step; a content step without its Data, which stays in the file.
        var header = ParseObject(Splice(handle, 0, stepsStart, stepsEnd, fileLength), "$");
        var steps = new JsonArray();
        var streamed = new HashSet<int>();
        for (var i = 0; i < layout.Steps.Count; i++)
        {
            var range = layout.Steps[i];
            if (range.DataStart is { } dataStart && range.DataEnd is { } dataEnd
                && JsonNode.Parse(Splice(handle, range.Start, dataStart, dataEnd, range.End), null, DocumentOptions) is JsonObject withoutData
                && string.Equals(StringProperty(withoutData, "name"), "content", StringComparison.OrdinalIgnoreCase))
            {
                steps.Add(withoutData);
                streamed.Add(i);
            }
            else
            {
                steps.Add(JsonNode.Parse(RecipeFileItems.ReadRange(handle, range.Start, range.End), null, DocumentOptions));
            }
        }

        header[KeyOf(header, "steps")] = steps;
        return Build(header, basePath) with { FileItems = new RecipeFileItems(fullPath, layout, streamed) };
    }

    /// The bytes from <paramref name="start"/> to <paramref name="end"/> with [cutStart, cutEnd) replaced by "[]".
    private static byte[] Splice(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long start, long cutStart, long cutEnd, long end)
    {
        var before = RecipeFileItems.ReadRange(handle, start, cutStart);
        var after = RecipeFileItems.ReadRange(handle, cutEnd, end);
        return [.. before, (byte)'[', (byte)']', .. after];
    }

    private static JsonObject ParseObject(byte[] json, string path) =>
        JsonNode.Parse(json, null, DocumentOptions) as JsonObject
            ?? throw new RecipeException([new RecipeError(null, null, path, "A recipe must be a JSON object.")]);

    public static RecipeDescriptor Parse(string json, string basePath)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, null, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw SyntaxError(e);
        }

        return root is JsonObject header
            ? Build(header, basePath)
            : throw new RecipeException([new RecipeError(null, null, "$", "A recipe must be a JSON object.")]);
    }

    private static RecipeException SyntaxError(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
        return new RecipeException([new RecipeError(null, null, "$", $"The recipe is not valid JSON{where}: {FirstSentence(e.Message)}")]);
    }

    private static RecipeDescriptor Build(JsonObject header, string basePath)
    {
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
