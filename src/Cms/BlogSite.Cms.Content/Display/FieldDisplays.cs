using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Display;

/// The default display of every field a type defines in its own part, in the definition's order, so a field added to
/// a type (in a recipe or the admin) shows on its items' pages without code. Empty fields are left out.
public sealed class FieldDisplays(ContentDefinitionStore definitions, MarkdownRenderer markdown, TermCatalog terms, ContentStore store)
{
    /// The fields of <paramref name="item"/>'s own part but those named in <paramref name="shownElsewhere"/>.
    public async Task<IReadOnlyList<FieldView>> OfAsync(ContentItem item, IReadOnlyCollection<string> shownElsewhere, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(shownElsewhere);
        var part = (await definitions.GetAsync(cancellationToken)).Part(item.ContentType);
        if (part is null || item.Content[item.ContentType] is not JsonObject values)
        {
            return [];
        }

        var views = new List<FieldView>();
        foreach (var field in part.ContentPartFieldDefinitionRecords.Where(f => !shownElsewhere.Contains(f.Name)).OrderBy(PositionOf))
        {
            if (values[field.Name] is JsonObject stored && await ValueAsync(field.FieldName, stored, cancellationToken) is { } value)
            {
                views.Add(new FieldView(field.Name, field.DisplayName, field.FieldName, value));
            }
        }

        return views;
    }

    private async Task<object?> ValueAsync(string kind, JsonObject stored, CancellationToken cancellationToken)
    {
        try
        {
            return kind switch
            {
                nameof(TextField) => Text(stored.Deserialize<TextField>(ContentJson.Options)?.Text),
                nameof(MarkdownField) => Html(markdown.ToHtml(stored.Deserialize<MarkdownField>(ContentJson.Options)?.Markdown)),
                nameof(HtmlField) => Html(markdown.SanitizeHtml(stored.Deserialize<HtmlField>(ContentJson.Options)?.Html)),
                nameof(BooleanField) => stored.Deserialize<BooleanField>(ContentJson.Options)?.Value,
                nameof(NumericField) => stored.Deserialize<NumericField>(ContentJson.Options)?.Value,
                nameof(DateTimeField) => stored.Deserialize<DateTimeField>(ContentJson.Options)?.Value,
                nameof(LinkField) => Link(stored.Deserialize<LinkField>(ContentJson.Options)),
                nameof(MediaField) => Images(stored.Deserialize<MediaField>(ContentJson.Options)),
                nameof(TaxonomyField) => await TermsAsync(stored.Deserialize<TaxonomyField>(ContentJson.Options), cancellationToken),
                nameof(ContentPickerField) => await ItemsAsync(stored.Deserialize<ContentPickerField>(ContentJson.Options), cancellationToken),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // An imported value of the wrong shape is kept as it came but not shown.
            return null;
        }
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static HtmlString? Html(string html) => string.IsNullOrWhiteSpace(html) ? null : new HtmlString(html);

    private static LinkValue? Link(LinkField? link) =>
        SafeLink.Of(link?.Url) is { } url ? new LinkValue(string.IsNullOrWhiteSpace(link!.Text) ? url : link.Text, url) : null;

    private static List<ImageValue>? Images(MediaField? media)
    {
        var images = (media?.Paths ?? []).Select((path, i) => new ImageValue(
            "/media/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString)),
            media!.MediaTexts is { } texts && i < texts.Count ? texts[i] : "")).ToList();
        return images.Count > 0 ? images : null;
    }

    private async Task<IReadOnlyList<LinkValue>?> TermsAsync(TaxonomyField? field, CancellationToken cancellationToken)
    {
        var links = new List<LinkValue>();
        foreach (var id in field?.TermContentItemIds ?? [])
        {
            if (await terms.FindAsync(id, cancellationToken) is { Path: { } path } term)
            {
                links.Add(new LinkValue(term.DisplayText, "/" + path));
            }
        }

        return links.Count > 0 ? links : null;
    }

    private async Task<IReadOnlyList<LinkValue>?> ItemsAsync(ContentPickerField? field, CancellationToken cancellationToken)
    {
        var links = new List<LinkValue>();
        foreach (var id in field?.ContentItemIds ?? [])
        {
            if (await store.GetPublishedAsync(id, cancellationToken) is { } item && item.As<AutoroutePart>()?.Path is { Length: > 0 } path)
            {
                links.Add(new LinkValue(item.DisplayText, "/" + path.Trim('/')));
            }
        }

        return links.Count > 0 ? links : null;
    }

    private static int PositionOf(ContentPartFieldDefinition field) =>
        field.Settings["ContentPartFieldSettings"]?["Position"] is JsonValue position
        && int.TryParse(position.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
