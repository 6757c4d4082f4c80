using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Editing;

/// The editor every type gets, built from its definition: the inputs each part's and each own field's registered
/// driver gives, in the definition's order; and the way back, from posted values to the item's parts and fields.
/// Parts and fields with no driver are kept as they are.
public sealed class ContentEditorInputs(ContentDrivers drivers)
{
    public async Task<IReadOnlyList<EditorInput>> ForAsync(
        ContentTypeDefinition type, ContentPartDefinition? ownPart, ContentItem? item, SiteSettings site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(site);
        var inputs = new List<EditorInput>();
        foreach (var part in type.ContentTypePartDefinitionRecords)
        {
            if (drivers.Part(part.PartName) is { } driver)
            {
                inputs.AddRange(await driver.EditAsync(new PartEditContext(part, item, site), cancellationToken));
            }
        }

        var stored = item?.Content[type.Name] as JsonObject;
        foreach (var field in ownPart?.ContentPartFieldDefinitionRecords ?? [])
        {
            if (drivers.Field(field.FieldName) is { } driver)
            {
                var context = new FieldEditContext($"{type.Name}.{field.Name}", field, stored?[field.Name] as JsonObject, site);
                inputs.AddRange(await driver.EditAsync(context, cancellationToken));
            }
        }

        return inputs;
    }

    /// Writes the posted values into <paramref name="item"/>; problems are added by input key.
    public static void Apply(
        IReadOnlyList<EditorInput> inputs, IReadOnlyDictionary<string, string?> posted, ContentItem item, SiteSettings site, IDictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var input in inputs)
        {
            if (input.Kind == "constant")
            {
                Set(item.Content, input.Key, JsonValue.Create(input.Value));
                continue;
            }

            var value = posted.TryGetValue(input.Key, out var given) ? given?.Trim() : null;
            if (input.Required && input.Kind != "checkbox" && string.IsNullOrEmpty(value))
            {
                problems[input.Key] = $"Enter {input.Label.ToLower(CultureInfo.InvariantCulture)}.";
                continue;
            }

            if (Parse(input, value, site, out var problem) is var (json, ok) && !ok)
            {
                problems[input.Key] = problem!;
                continue;
            }

            Set(item.Content, input.Key, json);
        }

        if (item.As<TitlePart>()?.Title is { Length: > 0 } title)
        {
            item.DisplayText = title;
        }
    }

    /// The JSON an input's text becomes, or the reason it cannot.
    private static (JsonNode? Json, bool Ok) Parse(EditorInput input, string? value, SiteSettings site, out string? problem)
    {
        problem = null;
        switch (input.Kind)
        {
            case "checkbox":
                return (JsonValue.Create(value is "true" or "on"), true);
            case "number" when string.IsNullOrEmpty(value):
            case "datetime" when string.IsNullOrEmpty(value):
                return (null, true);
            case "number":
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    problem = $"{input.Label} must be a number.";
                }
                else if (number < input.Minimum || number > input.Maximum)
                {
                    problem = $"{input.Label} must be from {input.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "any"} to {input.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "any"}.";
                }

                return (JsonValue.Create(number), problem is null);
            case "datetime":
                if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || site.Skips(local))
                {
                    problem = $"{input.Label}: that is not a time the site's clock shows.";
                    return (null, false);
                }

                return (JsonValue.Create(site.ToUtc(local)), true);
            case "choice":
                var chosen = EditorChoice.Split(value);
                var offered = input.Choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
                if (chosen.FirstOrDefault(c => !offered.Contains(c)) is { } unknown)
                {
                    problem = $"{input.Label}: '{unknown}' is not one of the choices.";
                }
                else if (chosen.Count > 1 && !input.Multiple)
                {
                    problem = $"{input.Label}: choose one.";
                }

                return (new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c))]), problem is null);
            case "url" when !string.IsNullOrEmpty(value) && Display.SafeLink.Of(value) is null:
                problem = $"{input.Label} must be an address on this site (/about) or a web or mail address (https://…).";
                return (null, false);
            default:
                return (JsonValue.Create(value ?? ""), true);
        }
    }

    /// Writes "Part.Property" or "Part.Field.Property" into the item's JSON, keeping what else is stored there.
    private static void Set(JsonObject content, string key, JsonNode? value)
    {
        var path = key.Split('.');
        var node = content;
        foreach (var segment in path[..^1])
        {
            if (node[segment] is not JsonObject next)
            {
                next = [];
                node[segment] = next;
            }

            node = next;
        }

        node[path[^1]] = value;
    }
}
