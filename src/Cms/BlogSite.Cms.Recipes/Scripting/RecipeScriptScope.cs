using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Cms.Recipes.Scripting;

/// What a recipe's script values can see: its variables (each evaluated once, on first use, then reused), the
/// caller's parameters, the host's configuration, and files next to the recipe.
public sealed class RecipeScriptScope(
    JsonObject variables,
    IReadOnlyDictionary<string, string> parameters,
    IConfiguration configuration,
    string basePath)
{
    private readonly Dictionary<string, object?> evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    public string BasePath { get; } = basePath;

    public object? Variable(string name)
    {
        if (evaluatedVariables.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (variables[name] is not { } raw)
        {
            throw new ScriptException($"variables('{name}'): the recipe declares no variable '{name}'.");
        }

        if (!evaluating.Add(name))
        {
            throw new ScriptException($"variables('{name}') refers to itself.");
        }

        try
        {
            object? value = raw is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? ScriptEvaluator.EvaluateString(v.GetValue<string>(), this)
                : raw.ToJsonString(ContentJson.Options);
            evaluatedVariables[name] = value;
            return value;
        }
        finally
        {
            evaluating.Remove(name);
        }
    }

    /// Parameters the caller did not pass evaluate to an empty string, as in Orchard Core.
    public string Parameter(string name) => parameters.GetValueOrDefault(name) ?? "";

    public string? Configuration(string key) => configuration[key];

    public string ResolveFile(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(BasePath, relativePath));
        return File.Exists(path)
            ? path
            : throw new ScriptException($"The file '{relativePath}' does not exist next to the recipe (looked for {path}).");
    }
}
