using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using Microsoft.AspNetCore.Html;

namespace BlogSite.Cms.Content.Display;

/// The items an item holds in its BagPart or FlowPart, each with the default template of its type, so imported
/// landing pages show what they hold. Nesting is followed a few levels deep.
public sealed class NestedItemDisplays(FieldDisplays fields, MarkdownRenderer markdown, ContentDefinitionStore definitions)
{
    private const int MaxDepth = 4;

    public Task<IReadOnlyList<NestedItemView>> OfAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        OfAsync(item, 0, cancellationToken);

    private async Task<IReadOnlyList<NestedItemView>> OfAsync(ContentItem item, int depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (depth >= MaxDepth)
        {
            return [];
        }

        var views = new List<NestedItemView>();
        foreach (var nested in (await HeldAsync(item, cancellationToken)).SelectMany(Nested))
        {
            var body = nested.As<MarkdownBodyPart>()?.Markdown is { } text ? markdown.ToPageHtml(text) : markdown.SanitizePageHtml(nested.As<HtmlBodyPart>()?.Html);
            views.Add(new NestedItemView(
                nested.ContentType,
                nested.As<TitlePart>()?.Title is { Length: > 0 } title ? title : null,
                string.IsNullOrWhiteSpace(body) ? null : new HtmlString(body),
                await fields.OfAsync(nested, [], cancellationToken),
                await OfAsync(nested, depth + 1, cancellationToken)));
        }

        return views;
    }

    /// The arrays of items the item holds, by the parts its type names (a bag may be called "People"); an item of an
    /// unknown type is read by the parts' own names.
    private async Task<IEnumerable<JsonArray?>> HeldAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var document = await definitions.GetAsync(cancellationToken);
        return document.Type(item.ContentType) is { } type
            ? NestedItemHolder.Of(type, document).Select(h => item.Content[h.PartKey]?[h.ListProperty] as JsonArray)
            : [item.As<BagPart>()?.ContentItems, item.As<FlowPart>()?.Widgets];
    }

    private static IEnumerable<ContentItem> Nested(JsonArray? items)
    {
        foreach (var json in (items ?? []).OfType<JsonObject>())
        {
            ContentItem? nested;
            try
            {
                nested = ContentItemJson.Read(json);
            }
            catch (ContentJsonException)
            {
                // A nested item without an id or a type is kept as it came but not shown.
                continue;
            }

            yield return nested;
        }
    }
}
