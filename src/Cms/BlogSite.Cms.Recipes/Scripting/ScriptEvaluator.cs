using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Recipes.Scripting;

/// Evaluates Orchard Core's recipe script values, `[js: …]` and `[file: …]`: string and number literals, `+`, and
/// the functions uuid, variables, parameters, configuration and base64 (js) or text and base64 (file).
public static partial class ScriptEvaluator
{
    [GeneratedRegex(@"^\s*\[(?<engine>js|file)\s*:(?<script>.*)\]\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptValue();

    public static bool IsScript(string value) => ScriptValue().IsMatch(value);

    /// A string that is a script value becomes its result; any other string comes back as it was.
    public static object? EvaluateString(string value, RecipeScriptScope scope)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = ScriptValue().Match(value);
        if (!match.Success)
        {
            return value;
        }

        var engine = match.Groups["engine"].Value.ToLowerInvariant();
        var parser = new ScriptParser(match.Groups["script"].Value, engine, scope);
        return parser.ParseAll();
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
                    return EvaluateString(text, scope) switch
                    {
                        null => null,
                        double number => JsonValue.Create(number),
                        var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
                    };
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
}
