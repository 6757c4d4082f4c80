using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Cms.Recipes.Scripting;

/// What a recipe's script values can see: its variables (each evaluated once, on first use, then reused), the
/// caller's parameters, the host's configuration, and files inside the recipe's own folder.
public sealed class RecipeScriptScope(
    JsonObject variables,
    IReadOnlyDictionary<string, string> parameters,
    IConfiguration configuration,
    string basePath) : IDisposable
{
    private readonly Dictionary<string, object?> evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecipeScriptEngine> engines = new(StringComparer.Ordinal);
    private int depth;

    public string BasePath { get; } = Path.GetFullPath(basePath);

    /// Runs <paramref name="script"/> in the "js" or "file" engine. A variable that refers to another runs it in an
    /// engine of its own, so evaluations never nest inside one engine.
    internal object? Run(string engine, string script)
    {
        depth++;
        try
        {
            if (depth > 1)
            {
                using var nested = new RecipeScriptEngine(engine, this);
                return nested.Evaluate(script);
            }

            var runner = engines.TryGetValue(engine, out var kept) ? kept : engines[engine] = new RecipeScriptEngine(engine, this);
            return runner.Evaluate(script);
        }
        finally
        {
            depth--;
        }
    }

    public void Dispose()
    {
        foreach (var engine in engines.Values)
        {
            engine.Dispose();
        }

        engines.Clear();
    }

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
                : raw.DeepClone();
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

    /// A file inside the recipe's folder; a path that leads out of it (absolute, "..", a link) is refused.
    public string ResolveFile(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.StartsWith('\\'))
        {
            throw new ScriptException($"'{relativePath}' is not a path inside the recipe's folder: give it relative to the recipe.");
        }

        var path = Path.GetFullPath(Path.Combine(BasePath, relativePath));
        var root = BasePath.EndsWith(Path.DirectorySeparatorChar) ? BasePath : BasePath + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ScriptException($"'{relativePath}' leads out of the recipe's folder; a recipe reads only files beside it.");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ScriptException($"The file '{relativePath}' does not exist next to the recipe.");
        }

        // A link inside the folder may point anywhere on the host.
        if (file.LinkTarget is not null || Ancestors(file.Directory).Any(d => d.LinkTarget is not null))
        {
            throw new ScriptException($"'{relativePath}' is a link; a recipe reads only files beside it.");
        }

        return path;
    }

    private IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? directory)
    {
        for (var d = directory; d is not null && d.FullName.Length > BasePath.Length; d = d.Parent)
        {
            yield return d;
        }
    }
}
