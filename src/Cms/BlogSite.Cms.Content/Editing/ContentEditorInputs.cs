using System.Globalization;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Editing;

/// The editor every type gets, built from its definition: an input for each part that has something to write
/// (title, address, body) and each field of the type's own part, in the definition's order; and the way back, from
/// posted values to the item's parts and fields. Parts and fields it has no input for are kept as they are.
public static class ContentEditorInputs
{
    private const string Required = "Required";

    public static IReadOnlyList<EditorInput> For(ContentTypeDefinition type, ContentPartDefinition? ownPart, ContentItem? item, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(site);
        var inputs = new List<EditorInput>();
        foreach (var part in type.ContentTypePartDefinitionRecords)
        {
            switch (part.PartName)
            {
                case nameof(TitlePart):
                    inputs.Add(new EditorInput("TitlePart.Title", "Title", "text", item?.As<TitlePart>()?.Title, Required: true));
                    break;
                case nameof(AutoroutePart) when DefinitionSettings.Get<AutoroutePartSettings>(part.Settings) is { AllowCustomPath: true }:
                    inputs.Add(new EditorInput("AutoroutePart.Path", "Address", "text", item?.As<AutoroutePart>()?.Path,
                        "The path after the site's address; made from the title when left empty."));
                    break;
                case nameof(MarkdownBodyPart):
                    inputs.Add(new EditorInput("MarkdownBodyPart.Markdown", "Body (Markdown)", "markdown", item?.As<MarkdownBodyPart>()?.Markdown));
                    break;
                case nameof(HtmlBodyPart):
                    inputs.Add(new EditorInput("HtmlBodyPart.Html", "Body (HTML)", "textarea", item?.As<HtmlBodyPart>()?.Html));
                    break;
            }
        }

        var stored = item?.Content[type.Name] as JsonObject;
        foreach (var field in ownPart?.ContentPartFieldDefinitionRecords ?? [])
        {
            inputs.AddRange(FieldInputs(type.Name, field, stored?[field.Name] as JsonObject, site));
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

    private static IEnumerable<EditorInput> FieldInputs(string typeName, ContentPartFieldDefinition field, JsonObject? stored, SiteSettings site)
    {
        var key = $"{typeName}.{field.Name}";
        var label = field.DisplayName;
        var own = field.Settings[$"{field.FieldName}Settings"] as JsonObject;
        var hint = own?["Hint"]?.ToString();
        var required = own?[Required] is JsonValue r && r.TryGetValue<bool>(out var isRequired) && isRequired;
        string? Text(string property) => stored?[property] is JsonValue v ? v.ToString() : null;
        switch (field.FieldName)
        {
            case nameof(TextField):
                var multiline = field.Settings["ContentPartFieldSettings"]?["Editor"]?.ToString() == "TextArea";
                yield return new EditorInput($"{key}.Text", label, multiline ? "textarea" : "text", Text("Text"), hint, required);
                break;
            case nameof(MarkdownField):
                yield return new EditorInput($"{key}.Markdown", label, "markdown", Text("Markdown"), hint, required);
                break;
            case nameof(HtmlField):
                yield return new EditorInput($"{key}.Html", label, "textarea", Text("Html"), hint, required);
                break;
            case nameof(BooleanField):
                yield return new EditorInput($"{key}.Value", label, "checkbox", Text("Value"), hint);
                break;
            case nameof(NumericField):
                yield return new EditorInput($"{key}.Value", label, "number", Text("Value"), hint, required,
                    own?["Minimum"] is JsonValue min && min.TryGetValue<decimal>(out var least) ? least : null,
                    own?["Maximum"] is JsonValue max && max.TryGetValue<decimal>(out var most) ? most : null);
                break;
            case nameof(DateTimeField):
                var when = stored?["Value"] is JsonValue v && v.TryGetValue<DateTime>(out var utc) ? site.ShowTime(utc, "yyyy-MM-ddTHH:mm") : null;
                yield return new EditorInput($"{key}.Value", $"{label} ({site.TimeZone.Id})", "datetime", when, hint, required);
                break;
            case nameof(LinkField):
                yield return new EditorInput($"{key}.Url", label, "url", Text("Url"), hint, required);
                yield return new EditorInput($"{key}.Text", $"{label}: text shown", "text", Text("Text"));
                break;
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
