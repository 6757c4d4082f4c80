using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "content", "Data": [items]}`: each item is created, updated or left alone (ContentStore.ImportAsync).
public sealed class ContentStep(FeatureCatalog catalog) : IRecipeStep
{
    public string Name => "content";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = new HashSet<string>(catalog.DeclaredContentTypes(), StringComparer.Ordinal);
        known.UnionWith(context.Recipe.Steps.OfType<JsonObject>()
            .Where(s => string.Equals(RecipeReader.StringProperty(s, "name"), "ContentDefinition", StringComparison.OrdinalIgnoreCase))
            .SelectMany(ContentDefinitionStep.DefinedTypes));
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, item) in ReadItems(context))
        {
            if (!known.Contains(item.ContentType))
            {
                context.Warning($"{path}.ContentType", UnknownTypeMessage(item.ContentType));
            }

            if (!item.Published)
            {
                continue;
            }

            foreach (var route in ContentIndexer.Build(item).Routes)
            {
                if (paths.TryGetValue(route.Path, out var first))
                {
                    context.Error($"{path}.AutoroutePart.Path", $"The path '{route.Path}' is already used by {context.PathOf(first)}.");
                }
                else
                {
                    paths[route.Path] = path;
                }
            }
        }
    }

    public async Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Services.GetRequiredService<ContentStore>();
        var definitions = await context.Services.GetRequiredService<ContentDefinitionStore>().GetAsync(cancellationToken);
        foreach (var (path, item) in ReadItems(context))
        {
            if (definitions.Type(item.ContentType) is null)
            {
                context.Warning($"{path}.ContentType", UnknownTypeMessage(item.ContentType));
            }

            try
            {
                var outcome = await store.ImportAsync(item, cancellationToken);
                _ = outcome switch
                {
                    ImportOutcome.Created => context.Report.Created++,
                    ImportOutcome.Updated => context.Report.Updated++,
                    _ => context.Report.Unchanged++,
                };
            }
            catch (ContentConflictException e)
            {
                throw context.Failure($"{path}.{e.Property}", e.Message);
            }
        }
    }

    private static string UnknownTypeMessage(string type) =>
        $"No feature or ContentDefinition step defines the type '{type}'; the item is stored as it is.";

    private static List<(string Path, ContentItem Item)> ReadItems(RecipeStepContext context)
    {
        var key = RecipeReader.KeyOf(context.Step, "Data");
        var data = context.ArrayProperty("Data", required: true) ?? [];
        var items = new List<(string, ContentItem)>();
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"{key}[{i}]";
            if (data[i] is not JsonObject json)
            {
                context.Error(path, "A content item must be a JSON object.");
                continue;
            }

            try
            {
                items.Add((path, ContentItemJson.Read(json)));
            }
            catch (ContentJsonException e)
            {
                context.Error($"{path}.{e.Property}", e.Message);
            }
        }

        return items;
    }
}
