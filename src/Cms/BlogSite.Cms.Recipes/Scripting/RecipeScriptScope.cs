using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.Extensions.Configuration;

namespace BlogSite.Cms.Recipes.Scripting;

/// What a recipe's script values can see: its variables (each evaluated once, on first use, then reused), the
/// caller's parameters, the host's configuration keys recipes may read, and files inside the recipe's own folder.
public sealed class RecipeScriptScope(
    JsonObject variables,
    IReadOnlyDictionary<string, string> parameters,
    RecipeConfiguration configuration,
    string basePath)
{
    private readonly Dictionary<string, object?> evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScriptException> failedVariables = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch spent = new();
    private int depth;

    /// Scripts that refer to variables that refer to others nest; past this depth the recipe is wrong.
    private const int MaxDepth = 32;

    /// All of one recipe's scripts together may take this long; a recipe of many slow scripts stops here.
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(30);

    public string BasePath { get; } = Path.GetFullPath(basePath);

    /// Runs <paramref name="script"/> as a "js" or "file" value, each in an engine of its own.
    internal object? Run(string engine, string script)
    {
        if (depth >= MaxDepth)
        {
            throw new ScriptException($"Script values refer to each other more than {MaxDepth} deep.");
        }

        if (spent.Elapsed > TimeBudget)
        {
            throw new ScriptException($"The recipe's scripts have run for more than {TimeBudget.TotalSeconds:0} s in all; nothing more is evaluated.");
        }

        depth++;
        var outermost = depth == 1;
        if (outermost)
        {
            spent.Start();
        }

        try
        {
            return RecipeScriptEngine.Evaluate(engine, script, this);
        }
        finally
        {
            depth--;
            if (outermost)
            {
                spent.Stop();
            }
        }
    }

    public object? Variable(string name)
    {
        if (evaluatedVariables.TryGetValue(name, out var cached))
        {
            return cached;
        }

        // A variable that failed once fails the same way again, without running again.
        if (failedVariables.TryGetValue(name, out var failed))
        {
            throw failed;
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
        catch (ScriptException e)
        {
            failedVariables[name] = e;
            throw;
        }
        finally
        {
            evaluating.Remove(name);
        }
    }

    /// Parameters the caller did not pass evaluate to an empty string, as in Orchard Core.
    public string Parameter(string name) => parameters.GetValueOrDefault(name) ?? "";

    public string? Configuration(string key) => configuration.Read(key);

    /// A file inside the recipe's folder (<see cref="RecipeFiles"/>).
    public string ResolveFile(string relativePath) =>
        RecipeFiles.Resolve(BasePath, relativePath, out var problem) ?? throw new ScriptException(problem);
}
