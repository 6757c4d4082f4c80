using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "content", "Data": [items]}`: items are created, updated or left alone (ContentStore), in batches, with
/// progress; large recipes stream their items from the file. Checks: readable items, known types, unique paths,
/// terms and containers that exist, and no second copy of items whose ids come from uuid().
public sealed class ContentStep(
    FeatureCatalog catalog, ContentBatchImporter importer, ContentDefinitionStore definitionStore, CmsDbContext db) : IRecipeStep
{
    private const int BatchSize = 500;

    public string Name => "content";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Without a database, the types known are those of the features this recipe enables, and its own definitions.
        var enabled = context.Recipe.Steps.OfType<JsonObject>()
            .Where(s => string.Equals(RecipeReader.StringProperty(s, "name"), "feature", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => (RecipeReader.Property(s, "enable") as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var id) ? id : null).OfType<string>());
        var known = ContentPartCheck.Known(
            catalog.Resolve(enabled.Concat(catalog.All.Where(f => f.AlwaysEnabled).Select(f => f.Id))).Ordered.Select(f => f.ContentDefinitions).Prepend(context.SiteDefinitions).OfType<ContentDefinitionDocument>(),
            context.Recipe.Steps.OfType<JsonObject>().Where(s => string.Equals(RecipeReader.StringProperty(s, "name"), "ContentDefinition", StringComparison.OrdinalIgnoreCase)));
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var references = new ContentReferences();
        foreach (var (path, item, _) in ReadItems(context))
        {
            if (known.Type(item.ContentType) is null)
            {
                ReportUnknownType(context, path, item.ContentType, siteKnown: context.SiteDefinitions is not null || context.Recipe.IsSetupRecipe);
            }

            ContentPartCheck.Check(known, item, path, context);
            references.Add(path, item);
            if (!item.Published)
            {
                continue;
            }

            foreach (var route in ContentIndexer.Build(item).Routes)
            {
                if (paths.TryGetValue(route.Path, out var first))
                {
                    context.Error($"{path}.{ContentStore.PathProperty}", $"The path '{route.Path}' is already used by {context.PathOf(first)}.");
                }
                else
                {
                    paths[route.Path] = path;
                }
            }
        }

        // What this step points at but does not define must already be in the site; a setup recipe starts from nothing.
        foreach (var (path, message) in references.Unresolved())
        {
            if (context.Recipe.IsSetupRecipe && !DefinedElsewhereInRecipe(context))
            {
                context.Error(path, message);
            }
            else
            {
                context.Warning(path, message + " It must already exist in the site.");
            }
        }
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definitions = await definitionStore.GetAsync(cancellationToken);
        var references = new ContentReferences();
        var batch = new List<(string Path, ContentItem Item, bool GeneratedId)>(BatchSize);
        var total = context.DataCount();
        var done = 0;
        foreach (var (path, item, generatedId) in ReadItems(context))
        {
            if (context.Report.Errors.Count > 0)
            {
                throw new RecipeException(context.Report.Errors);
            }

            if (definitions.Type(item.ContentType) is null)
            {
                ReportUnknownType(context, path, item.ContentType, siteKnown: true);
            }

            ContentPartCheck.Check(definitions, item, path, context);
            references.Add(path, item);
            batch.Add((path, item, generatedId));
            if (batch.Count == BatchSize)
            {
                done += await ImportAsync(context, batch, cancellationToken);
                context.Progress?.Report(new RecipeProgress(context.StepIndex, context.StepName, done, total));
            }
        }

        if (context.Report.Errors.Count > 0)
        {
            throw new RecipeException(context.Report.Errors);
        }

        done += await ImportAsync(context, batch, cancellationToken);
        context.Progress?.Report(new RecipeProgress(context.StepIndex, context.StepName, done, total));
        await references.EnsureExistAsync(context, db, cancellationToken);
    }

    private async Task<int> ImportAsync(
        RecipeStepContext context, List<(string Path, ContentItem Item, bool GeneratedId)> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await RefuseUuidCopiesAsync(context, batch, cancellationToken);
        try
        {
            foreach (var outcome in await importer.ImportAsync(batch.Select(b => b.Item).ToList(), cancellationToken))
            {
                _ = outcome switch
                {
                    ImportOutcome.Created => context.Report.Created++,
                    ImportOutcome.Updated => context.Report.Updated++,
                    _ => context.Report.Unchanged++,
                };
            }
        }
        catch (ContentConflictException e)
        {
            throw context.Failure($"{batch[e.ItemIndex ?? 0].Path}.{e.Property}", e.Message);
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// An item whose id a recipe makes with uuid() gets a new id on every run, so running the recipe again would copy
    /// it. When the site already has an item of that type at that path (or with that title), the run stops and says so.
    private async Task RefuseUuidCopiesAsync(
        RecipeStepContext context, List<(string Path, ContentItem Item, bool GeneratedId)> batch, CancellationToken cancellationToken)
    {
        var errors = new List<RecipeError>();
        foreach (var (path, item, _) in batch.Where(b => b.GeneratedId))
        {
            var route = ContentIndexer.NormalizePath(item.As<AutoroutePart>()?.Path);
            var existing = route is not null
                ? await db.Routes.AsNoTracking().Where(r => r.Path == route && r.ContainedContentItemId == null)
                    .Join(db.ContentItems, r => r.DocumentId, i => i.Id, (r, i) => i)
                    .Where(i => i.ContentType == item.ContentType && i.ContentItemId != item.ContentItemId)
                    .Select(i => i.ContentItemId).FirstOrDefaultAsync(cancellationToken)
                : await db.ContentItems.AsNoTracking()
                    .Where(i => i.ContentType == item.ContentType && i.DisplayText == item.DisplayText && i.Latest && i.ContentItemId != item.ContentItemId)
                    .Select(i => i.ContentItemId).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                errors.Add(new RecipeError(context.StepIndex, context.StepName, context.PathOf($"{path}.ContentItemId"),
                    $"This item's id comes from uuid(), and the site already has this {item.ContentType} " +
                    $"('{item.DisplayText}'{(route is null ? "" : $" at '{route}'")}, id {existing}): running the recipe again would copy it. " +
                    "Give the item a fixed ContentItemId to make the recipe safe to re-run."));
            }
        }

        if (errors.Count > 0)
        {
            throw new RecipeException(errors);
        }
    }

    private static bool UsesUuid(string value, JsonObject variables)
    {
        if (value.Contains("uuid(", StringComparison.Ordinal))
        {
            return true;
        }

        var match = System.Text.RegularExpressions.Regex.Match(value, @"variables\(\s*['""](?<name>[^'""]+)['""]\s*\)");
        return match.Success
            && variables[match.Groups["name"].Value] is JsonValue variable
            && variable.TryGetValue<string>(out var text)
            && text.Contains("uuid(", StringComparison.Ordinal);
    }

    private static bool DefinedElsewhereInRecipe(RecipeStepContext context) =>
        context.Recipe.Steps.OfType<JsonObject>().Count(s => string.Equals(RecipeReader.StringProperty(s, "name"), "content", StringComparison.OrdinalIgnoreCase)) > 1;

    /// A type nobody defines is a mistake, unless an Orchard Core feature BlogSite lacks provides it (Menu…), or the
    /// recipe is checked on its own and the type may already exist in the site it will run on.
    private static void ReportUnknownType(RecipeStepContext context, string path, string type, bool siteKnown)
    {
        if (OrchardTypesBlogSiteLacks.Contains(type))
        {
            context.Warning($"{path}.ContentType", $"'{type}' comes from an Orchard Core feature BlogSite does not have; the item is stored as it is.");
        }
        else if (siteKnown)
        {
            context.Error($"{path}.ContentType", $"No feature, ContentDefinition step or site definition defines the type '{type}'.");
        }
        else
        {
            context.Warning($"{path}.ContentType", $"Neither this recipe nor its features define the type '{type}'; it must already exist in the site.");
        }
    }

    private static readonly HashSet<string> OrchardTypesBlogSiteLacks = new(StringComparer.Ordinal)
    {
        "HtmlMenuItem", "Sitemap", "SitemapIndex", "CustomSitemap", "Workflow", "Form",
    };

    private static IEnumerable<(string Path, ContentItem Item, bool GeneratedId)> ReadItems(RecipeStepContext context)
    {
        foreach (var (path, node, raw) in context.DataItems())
        {
            if (node is not JsonObject json)
            {
                context.Error(path, "A content item must be a JSON object.");
                continue;
            }

            ContentItem item;
            try
            {
                item = ContentItemJson.Read(json);
            }
            catch (ContentJsonException e)
            {
                context.Error($"{path}.{e.Property}", e.Message);
                continue;
            }

            var rawId = raw is JsonObject rawItem ? RecipeReader.StringProperty(rawItem, "ContentItemId") : null;
            yield return (path, item, rawId is not null && UsesUuid(rawId, context.Recipe.Variables));
        }
    }
}
