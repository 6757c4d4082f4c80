using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Cms.Recipes.Steps;

/// Parts and fields an item carries that its type does not define are imported and kept as they came, as Orchard
/// Core keeps an item's JSON whole, and a warning names each one (a typo shows up there instead of vanishing). Parts
/// Orchard Core attaches without the type naming them pass without a word.
internal static class ContentPartCheck
{
    private static readonly HashSet<string> AttachedWithoutDefinition = new(StringComparer.Ordinal)
    {
        nameof(ContainedPart), nameof(TermPart), "LayerMetadata", "CommonPart",
    };

    private static readonly HashSet<string> OrchardPartsBlogSiteLacks = new(StringComparer.Ordinal)
    {
        nameof(AliasPart), nameof(FlowPart), nameof(BagPart), "WidgetsListPart", "SeoMetaPart", "PreviewPart",
        "LocalizationPart", nameof(PublishLaterPart), "AuditTrailPart", "ContentPermissionsPart", "SitemapPart", "FlowMetadata",
        "HtmlMenuItemPart", "GitHubLinkPart", nameof(ListPart), "ContentItemVersionPart",
    };

    public static void Check(ContentDefinitionDocument definitions, ContentItem item, string path, RecipeStepContext context)
    {
        if (definitions.Type(item.ContentType) is not { } type)
        {
            return;
        }

        foreach (var (name, value) in item.Content)
        {
            if (value is not JsonObject part || AttachedWithoutDefinition.Contains(name))
            {
                continue;
            }

            var record = type.ContentTypePartDefinitionRecords.Find(p => p.Name == name);
            if (record is null)
            {
                context.Warning($"{path}.{name}", OrchardPartsBlogSiteLacks.Contains(name)
                    ? $"BlogSite has no '{name}'; it is kept as it came."
                    : $"The type '{item.ContentType}' does not list a part '{name}' (its parts: {string.Join(", ", type.ContentTypePartDefinitionRecords.Select(p => p.Name))}); it is kept as it came and exported again, but not shown.");

                continue;
            }

            if (definitions.Part(record.PartName) is not { ContentPartFieldDefinitionRecords.Count: > 0 } partDefinition)
            {
                continue;
            }

            foreach (var (fieldName, fieldValue) in part)
            {
                if (fieldValue is JsonObject && !partDefinition.ContentPartFieldDefinitionRecords.Exists(f => f.Name == fieldName))
                {
                    context.Warning($"{path}.{name}.{fieldName}", $"The part '{name}' does not list a field '{fieldName}' (its fields: {string.Join(", ", partDefinition.ContentPartFieldDefinitionRecords.Select(f => f.Name))}); it is kept as it came and exported again, but not shown.");
                }
            }
        }
    }

    /// Definitions as far as a recipe can know them without a database: what features declare in code, then each
    /// ContentDefinition step of the recipe, merged in order.
    public static ContentDefinitionDocument Known(IEnumerable<ContentDefinitionDocument> declaredInCode, IEnumerable<JsonObject> recipeSteps)
    {
        var document = new ContentDefinitionDocument();
        foreach (var declared in declaredInCode)
        {
            document.Merge(declared);
        }

        foreach (var step in recipeSteps)
        {
            try
            {
                if (step.Deserialize<ContentDefinitionDocument>(ContentJson.Options) is { } fromRecipe)
                {
                    fromRecipe.ContentTypes.RemoveAll(t => string.IsNullOrEmpty(t.Name));
                    fromRecipe.ContentParts.RemoveAll(p => string.IsNullOrEmpty(p.Name));
                    document.Merge(fromRecipe);
                }
            }
            catch (JsonException)
            {
                // The ContentDefinition step reports its own errors.
            }
        }

        return document;
    }
}
