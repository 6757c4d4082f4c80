using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlogSite.Cms.Recipes.Scripting;

/// Evaluates Orchard Core's recipe script values: a JSON string that is wholly `[js: …]` or `[file: …]` becomes the
/// script's result (a string, number, boolean, null, or JSON for an object), as Orchard Core replaces it.
public static partial class ScriptEvaluator
{
    [GeneratedRegex(@"^\s*\[(?<engine>js|file)\s*:(?<script>.*)\]\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptValue();

    public static bool IsScript(string value) => ScriptValue().IsMatch(value);

    /// Whether a script value is anywhere inside <paramref name="node"/>. Strings still held as the file's bytes are
    /// decoded only when they could be one: a script value's first character, after any whitespace, is '['.
    public static bool ContainsScript(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (ContainsScript(child))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (ContainsScript(child))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                return element.ValueKind == JsonValueKind.String && MayBeScript(JsonMarshal.GetRawUtf8Value(element)) && IsScript(element.GetString()!);
            case JsonValue value:
                return value.TryGetValue<string>(out var text) && IsScript(text);
            default:
                return false;
        }
    }

    /// The raw form starts with a space, '[', an escape (of either) or a non-ASCII character (which may be whitespace).
    private static bool MayBeScript(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > 0 && raw[0] == (byte)'"')
        {
            raw = raw[1..];
        }

        return raw.Length > 0 && raw[0] is (byte)'[' or (byte)'\\' or (byte)' ' or >= 0x80;
    }

    /// A string that is a script value becomes its result (string, double, bool, JsonNode or null); any other string
    /// comes back as it was.
    public static object? EvaluateString(string value, RecipeScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(scope);
        var match = ScriptValue().Match(value);
        return match.Success
            ? scope.Run(match.Groups["engine"].Value.ToLowerInvariant(), match.Groups["script"].Value)
            : value;
    }

    /// Replaces, in place, every script value inside <paramref name="node"/> and returns the node (or, for a script
    /// value itself, its result). Errors are reported with their JSON path.
    public static JsonNode? EvaluateTree(JsonNode? node, string path, RecipeScriptScope scope, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[key];
                    var evaluated = EvaluateTree(child, $"{path}.{key}", scope, error);
                    if (!ReferenceEquals(evaluated, child))
                    {
                        obj[key] = evaluated;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var evaluated = EvaluateTree(child, $"{path}[{i}]", scope, error);
                    if (!ReferenceEquals(evaluated, child))
                    {
                        array[i] = evaluated;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && IsScript(text):
                try
                {
                    return ToNode(EvaluateString(text, scope));
                }
                catch (ScriptException e)
                {
                    error(path, $"{e.Message} (in {text})");
                    return JsonValue.Create("");
                }

            default:
                return node;
        }
    }

    public static JsonNode? ToNode(object? result) => result switch
    {
        null => null,
        JsonNode json => json,
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };
}
