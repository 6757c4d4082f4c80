using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Scripting;

namespace BlogSite.Cms.Recipes.Steps;

/// One step being validated or run: its JSON with script values already evaluated, where it sits in the file,
/// and where its errors, warnings and counts go.
public sealed class RecipeStepContext(
    RecipeDescriptor recipe,
    int stepIndex,
    string stepName,
    JsonObject step,
    RecipeReport report)
{
    public RecipeDescriptor Recipe { get; } = recipe;

    public int StepIndex { get; } = stepIndex;

    public string StepName { get; } = stepName;

    public JsonObject Step { get; } = step;

    /// The step as the file has it, before script values were evaluated.
    public JsonObject RawStep { get; init; } = step;

    public RecipeReport Report { get; } = report;

    /// Where media files go while the recipe runs; null while validating.
    public MediaBatch? Media { get; init; }

    public IProgress<RecipeProgress>? Progress { get; init; }

    /// The site's definitions when the caller has a site; validation of a recipe on its own leaves this null.
    public ContentDefinitionDocument? SiteDefinitions { get; init; }

    /// Evaluates the script values inside a node that was read later (a streamed item); errors get the step's path.
    public required Func<JsonNode?, string, JsonNode?> Evaluate { get; init; }

    public required Func<RecipeDescriptor, CancellationToken, Task> RunIncludedRecipe { get; init; }

    public required Action<RecipeDescriptor> ValidateIncludedRecipe { get; init; }

    public string PathOf(string relative) => relative.Length == 0 ? $"$.steps[{StepIndex}]" : $"$.steps[{StepIndex}].{relative}";

    public void Error(string relativePath, string message) =>
        Report.Errors.Add(new RecipeError(StepIndex, StepName, PathOf(relativePath), message));

    public void Warning(string relativePath, string message) =>
        Report.Warnings.Add(new RecipeError(StepIndex, StepName, PathOf(relativePath), message));

    /// Run-time failures stop the recipe at once; the transaction is rolled back.
    public RecipeException Failure(string relativePath, string message) =>
        new([new RecipeError(StepIndex, StepName, PathOf(relativePath), message)]);

    /// The items of the step's Data array, evaluated, with their raw form and their path: from the DOM, or one at a
    /// time from the file for a large recipe's content step.
    public IEnumerable<(string Path, JsonNode? Item, JsonNode? Raw)> DataItems()
    {
        var key = RecipeReader.KeyOf(Step, "Data");
        if (Recipe.FileItems is { } file && file.Streams(StepIndex))
        {
            var i = 0;
            foreach (var raw in file.Read(StepIndex))
            {
                var path = $"{key}[{i++}]";
                // Evaluating works on a copy, which most items (no script values) need not pay for.
                yield return (path, ScriptEvaluator.ContainsScript(raw) ? Evaluate(raw!.DeepClone(), path) : raw, raw);
            }

            yield break;
        }

        var data = ArrayProperty("Data", required: true) ?? [];
        var rawData = RecipeReader.Property(RawStep, "Data") as JsonArray;
        for (var i = 0; i < data.Count; i++)
        {
            yield return ($"{key}[{i}]", data[i], rawData?[i]);
        }
    }

    public int DataCount() =>
        Recipe.FileItems is { } file && file.Streams(StepIndex) ? file.Count(StepIndex) : (RecipeReader.Property(Step, "Data") as JsonArray)?.Count ?? 0;

    /// The step's array property, or an error (when required) naming where it should be.
    public JsonArray? ArrayProperty(string name, bool required)
    {
        var key = RecipeReader.KeyOf(Step, name);
        switch (RecipeReader.Property(Step, name))
        {
            case JsonArray array:
                return array;
            case null when !required:
                return null;
            case null:
                Error(key, $"The '{StepName}' step needs a '{name}' array.");
                return null;
            default:
                Error(key, $"'{name}' must be an array.");
                return null;
        }
    }

    /// The strings of an array property; non-strings are reported.
    public IReadOnlyList<string> StringArray(string name, bool required)
    {
        var key = RecipeReader.KeyOf(Step, name);
        var values = new List<string>();
        var array = ArrayProperty(name, required);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                values.Add(text);
            }
            else
            {
                Error($"{key}[{i}]", "Expected a non-empty string.");
            }
        }

        return values;
    }
}
