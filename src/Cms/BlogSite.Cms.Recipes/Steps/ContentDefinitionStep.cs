using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Cms.Recipes.Steps;

/// `{"name": "ContentDefinition", "ContentTypes": [...], "ContentParts": [...]}`, merged into the site's definitions.
public sealed class ContentDefinitionStep(ContentDefinitionStore definitions) : IRecipeStep
{
    public string Name => "ContentDefinition";

    public void Validate(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context);
    }

    public Task RunAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return definitions.MergeAsync(Read(context), cancellationToken);
    }

    private static ContentDefinitionDocument Read(RecipeStepContext context)
    {
        var document = new ContentDefinitionDocument();
        var typesKey = RecipeReader.KeyOf(context.Step, "ContentTypes");
        var types = context.ArrayProperty("ContentTypes", required: false) ?? [];
        for (var i = 0; i < types.Count; i++)
        {
            var path = $"{typesKey}[{i}]";
            if (Deserialize<ContentTypeDefinition>(context, types[i], path) is not { } type)
            {
                continue;
            }

            RequireName(context, type.Name, $"{path}.Name");
            for (var p = 0; p < type.ContentTypePartDefinitionRecords.Count; p++)
            {
                var part = type.ContentTypePartDefinitionRecords[p];
                RequireName(context, part.PartName, $"{path}.ContentTypePartDefinitionRecords[{p}].PartName");
                part.Name = part.Name.Length > 0 ? part.Name : part.PartName;
            }

            document.ContentTypes.Add(type);
        }

        var partsKey = RecipeReader.KeyOf(context.Step, "ContentParts");
        var parts = context.ArrayProperty("ContentParts", required: false) ?? [];
        for (var i = 0; i < parts.Count; i++)
        {
            var path = $"{partsKey}[{i}]";
            if (Deserialize<ContentPartDefinition>(context, parts[i], path) is not { } part)
            {
                continue;
            }

            RequireName(context, part.Name, $"{path}.Name");
            for (var f = 0; f < part.ContentPartFieldDefinitionRecords.Count; f++)
            {
                var field = part.ContentPartFieldDefinitionRecords[f];
                RequireName(context, field.FieldName, $"{path}.ContentPartFieldDefinitionRecords[{f}].FieldName");
                RequireName(context, field.Name, $"{path}.ContentPartFieldDefinitionRecords[{f}].Name");
            }

            document.ContentParts.Add(part);
        }

        return document;
    }

    private static T? Deserialize<T>(RecipeStepContext context, JsonNode? node, string path) where T : class
    {
        if (node is not JsonObject)
        {
            context.Error(path, "Expected an object.");
            return null;
        }

        try
        {
            return node.Deserialize<T>(ContentJson.Options);
        }
        catch (JsonException e)
        {
            context.Error(e.Path is { Length: > 1 } inner ? path + inner[1..] : path, $"Unexpected value: {e.Message.Split(" Path:")[0]}");
            return null;
        }
    }

    private static void RequireName(RecipeStepContext context, string? name, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error(path, "A name is required.");
        }
    }
}
