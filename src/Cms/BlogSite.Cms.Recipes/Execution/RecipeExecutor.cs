using System.Data.Common;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Cms.Recipes.Scripting;
using BlogSite.Cms.Recipes.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Recipes.Execution;

/// Validates a whole recipe first, then runs it in one transaction: all of it lands, or none of it does.
public sealed class RecipeExecutor(
    IEnumerable<IRecipeStep> steps,
    CmsDbContext db,
    KeptStepStore keptSteps,
    MediaStore mediaStore,
    ContentDefinitionStore definitions,
    FeatureManager features,
    PlannerStatistics statistics,
    BulkWriteCache writeCache,
    SearchVectorDeferral searchVectors,
    RecipeConfiguration configuration,
    ILogger<RecipeExecutor> logger)
{
    private const int MaxIncludeDepth = 8;

    /// Below this many written items a recipe changes too little of the site for the planner's statistics to matter.
    private const int BulkWriteItems = 1_000;
    private readonly Dictionary<string, IRecipeStep> stepsByName = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// Checks every step without touching the database; returns all errors and warnings. Callers that have a site
    /// pass its <paramref name="siteDefinitions"/>, so types the site already has are known.
    /// Steps <paramref name="trust"/> does not allow are errors.
    public RecipeReport Validate(
        RecipeDescriptor recipe, RecipeTrust trust, IReadOnlyDictionary<string, string>? parameters = null, ContentDefinitionDocument? siteDefinitions = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(trust);
        var run = new Run(new RecipeReport(), parameters ?? new Dictionary<string, string>(), null, null, trust) { SiteDefinitions = siteDefinitions };
        ValidateSteps(recipe, run, 0);
        return run.Report;
    }

    /// Validates, then runs every step and <paramref name="beforeCommit"/> in one transaction.
    public async Task<RecipeReport> RunAsync(
        RecipeDescriptor recipe,
        RecipeTrust trust,
        IReadOnlyDictionary<string, string>? parameters = null,
        Func<CancellationToken, Task>? beforeCommit = null,
        IProgress<RecipeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        parameters ??= new Dictionary<string, string>();
        var validation = Validate(recipe, trust, parameters, await definitions.GetAsync(cancellationToken));
        if (!validation.Succeeded)
        {
            throw new RecipeException(validation.Errors);
        }

        await using var media = mediaStore.BeginBatch();
        var run = new Run(new RecipeReport(), parameters, media, progress, trust);
        await using var cache = await writeCache.EnlargeAsync(cancellationToken);
        using var deferredVectors = searchVectors.Begin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await features.EnsureAlwaysEnabledAsync(cancellationToken);
            await RunStepsAsync(recipe, run, 0, cancellationToken);
            if (beforeCommit is not null)
            {
                await beforeCommit(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // Files move into place only after the database has committed; until then they wait in staging.
            await media.CommitAsync();
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        if (run.Report.Created + run.Report.Updated >= BulkWriteItems)
        {
            await RefreshStatisticsAsync();
        }

        return run.Report;
    }

    /// A bulk import may have written most of the site: the first readers after it must get plans made for its size.
    /// The import has committed by now, so a failure here is logged, never reported as a failed import.
    private async Task RefreshStatisticsAsync()
    {
        try
        {
            await statistics.RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(exception, "The recipe was imported, but refreshing the database's planner statistics failed; autovacuum will do it later.");
        }
    }

    private void ValidateSteps(RecipeDescriptor recipe, Run run, int depth)
    {
        var scope = Scope(recipe, run.Parameters);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var context = Prepare(recipe, i, scope, run, depth, validating: true);
            if (context is null)
            {
                continue;
            }

            if (stepsByName.TryGetValue(context.StepName, out var step))
            {
                step.Validate(context);
            }
            else
            {
                context.Warning("name", $"BlogSite has no '{context.StepName}' step; the step is kept so an export writes it back.");
            }
        }
    }

    private async Task RunStepsAsync(RecipeDescriptor recipe, Run run, int depth, CancellationToken cancellationToken)
    {
        var scope = Scope(recipe, run.Parameters);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var errorsBefore = run.Report.Errors.Count;
            var context = Prepare(recipe, i, scope, run, depth, validating: false)
                ?? throw new RecipeException(run.Report.Errors);
            if (run.Report.Errors.Count > errorsBefore)
            {
                throw new RecipeException(run.Report.Errors);
            }

            if (stepsByName.TryGetValue(context.StepName, out var step) && step.Feature is { } feature
                && !await features.IsEnabledAsync(feature, cancellationToken))
            {
                context.Warning("name", $"The '{context.StepName}' step belongs to the feature '{feature}', which is disabled here; the step is kept, not run. Enable the feature first (a feature step earlier in the recipe will do).");
                await keptSteps.KeepAsync(context.Step, cancellationToken);
            }
            else if (step is not null)
            {
                await step.RunAsync(context, cancellationToken);
                if (run.Report.Errors.Count > errorsBefore)
                {
                    throw new RecipeException(run.Report.Errors);
                }
            }
            else
            {
                context.Warning("name", $"BlogSite has no '{context.StepName}' step; the step is kept so an export writes it back.");
                await keptSteps.KeepAsync(context.Step, cancellationToken);
            }
        }
    }

    /// Evaluates the step's script values (variables are shared by all steps of the recipe) and wraps it in a context.
    private RecipeStepContext? Prepare(RecipeDescriptor recipe, int index, RecipeScriptScope scope, Run run, int depth, bool validating)
    {
        if (recipe.Steps[index] is not JsonObject raw)
        {
            return null;
        }

        var name = RecipeReader.StringProperty(raw, "name") ?? "";
        void Error(string path, string message) => run.Report.Errors.Add(new RecipeError(index, name, path, message));
        if (name.TrimStart().StartsWith('['))
        {
            // A name made by a script could become "Users" after the trust check, and be kept and exported as one.
            Error($"$.steps[{index}].name", "A step's name must be written out, not made by a script value.");
            return null;
        }

        if (!run.Trust.Allows(name, raw))
        {
            // Refused before any of its values is evaluated, and the whole recipe with it.
            var needed = RecipeTrust.ScopeOf(name, raw);
            var (path, what) = (needed, SecuritySettings.FirstIn(raw)) switch
            {
                (RecipeTrust.SettingsScope, { } key) => ($"$.steps[{index}].{key}", $"The '{name}' step sets '{key}', which affects the site's security"),
                (RecipeTrust.SettingsScope, _) => ($"$.steps[{index}].name", $"The '{name}' step holds settings that affect the site's security"),
                _ => ($"$.steps[{index}].name", $"The '{name}' step changes who can do what"),
            };
            Error(path, $"{what}: it needs the '{needed}' scope, which {run.Trust.Source} does not have. Nothing was imported.");
            return null;
        }

        var step = (JsonObject)ScriptEvaluator.EvaluateTree(raw.DeepClone(), $"$.steps[{index}]", scope, Error)!;
        return new RecipeStepContext(recipe, index, name, step, run.Report)
        {
            RawStep = raw,
            Media = validating ? null : run.Media,
            SiteDefinitions = run.SiteDefinitions,
            Progress = validating ? null : run.Progress,
            Evaluate = (node, path) => ScriptEvaluator.EvaluateTree(node, $"$.steps[{index}].{path}", scope, Error),
            RunIncludedRecipe = (included, ct) => depth >= MaxIncludeDepth
                ? throw new RecipeException([new RecipeError(index, name, $"$.steps[{index}]", "Recipes include each other too deeply.")])
                : RunStepsAsync(included, run, depth + 1, ct),
            ValidateIncludedRecipe = included =>
            {
                if (depth >= MaxIncludeDepth)
                {
                    run.Report.Errors.Add(new RecipeError(index, name, $"$.steps[{index}]", "Recipes include each other too deeply."));
                    return;
                }

                ValidateSteps(included, run, depth + 1);
            },
        };
    }

    private RecipeScriptScope Scope(RecipeDescriptor recipe, IReadOnlyDictionary<string, string> parameters) =>
        new(recipe.Variables, parameters, configuration, recipe.BasePath);

    private sealed record Run(
        RecipeReport Report, IReadOnlyDictionary<string, string> Parameters, MediaBatch? Media, IProgress<RecipeProgress>? Progress, RecipeTrust Trust)
    {
        public ContentDefinitionDocument? SiteDefinitions { get; init; }
    }
}
