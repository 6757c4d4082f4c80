using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Indexes;

/// Builds the index rows of one content version from its JSON alone, so parts written by any module or recipe are
/// indexed the same way: a route per AutoroutePart, a link per taxonomy field term, a row per taxonomy term.
public static class ContentIndexer
{
    public static ContentIndexEntries Build(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var routes = new List<RouteIndex>();
        var links = new List<TaxonomyIndex>();
        var terms = new List<TermIndex>();
        var containment = new List<ContainedIndex>();

        var path = NormalizePath(item.Content["AutoroutePart"]?["Path"]);
        if (path is not null)
        {
            routes.Add(Route(item, path, null));
        }

        if (item.Content["ContainedPart"]?["ListContentItemId"] is JsonValue list && list.TryGetValue<string>(out var listId))
        {
            var order = item.Content["ContainedPart"]?["Order"] is JsonValue o && o.TryGetValue<int>(out var n) ? n : 0;
            containment.Add(new ContainedIndex
            {
                DocumentId = item.Id, ContentItemId = item.ContentItemId, ListContentItemId = listId, Order = order,
                Published = item.Published, Latest = item.Latest,
            });
        }

        foreach (var (partName, part) in item.Content)
        {
            if (part is not JsonObject partObject)
            {
                continue;
            }

            foreach (var (fieldName, field) in partObject)
            {
                if (field is JsonObject fieldObject && fieldObject["TermContentItemIds"] is JsonArray termIds)
                {
                    var taxonomyId = fieldObject["TaxonomyContentItemId"]?.GetValue<string>() ?? "";
                    foreach (var termId in termIds.Select(t => t?.GetValue<string>()).OfType<string>().Distinct())
                    {
                        links.Add(new TaxonomyIndex
                        {
                            DocumentId = item.Id, ContentItemId = item.ContentItemId, ContentType = item.ContentType,
                            ContentPart = partName, ContentField = fieldName, TaxonomyContentItemId = taxonomyId,
                            TermContentItemId = termId, Published = item.Published, Latest = item.Latest,
                        });
                    }
                }
            }
        }

        if (item.Content["TaxonomyPart"]?["Terms"] is JsonArray taxonomyTerms)
        {
            var routeTerms = item.Content["AutoroutePart"]?["RouteContainedItems"] is JsonValue r
                && r.TryGetValue<bool>(out var b) && b && path is not null;
            AddTerms(item, taxonomyTerms, null, 0, routeTerms ? path : null, terms, routes);
        }

        return new ContentIndexEntries(routes, links, terms, containment);
    }

    private static void AddTerms(
        ContentItem taxonomy, JsonArray source, string? parentId, int level, string? taxonomyPath,
        List<TermIndex> terms, List<RouteIndex> routes)
    {
        var order = 0;
        foreach (var node in source.OfType<JsonObject>())
        {
            var termId = node["ContentItemId"]?.GetValue<string>();
            if (termId is null)
            {
                continue;
            }

            var termPath = NormalizePath(node["AutoroutePart"]?["Path"]);
            var fullPath = termPath is null || taxonomyPath is null ? null : $"{taxonomyPath}/{termPath}";
            terms.Add(new TermIndex
            {
                DocumentId = taxonomy.Id, TaxonomyContentItemId = taxonomy.ContentItemId, TermContentItemId = termId,
                ParentTermContentItemId = parentId, ContentType = node["ContentType"]?.GetValue<string>() ?? "",
                DisplayText = node["DisplayText"]?.GetValue<string>() ?? node["TitlePart"]?["Title"]?.GetValue<string>() ?? "",
                Path = fullPath, Level = level, Order = order++, Published = taxonomy.Published, Latest = taxonomy.Latest,
            });
            if (fullPath is not null)
            {
                routes.Add(Route(taxonomy, fullPath, termId));
            }

            if (node["Terms"] is JsonArray children)
            {
                AddTerms(taxonomy, children, termId, level + 1, taxonomyPath, terms, routes);
            }
        }
    }

    private static RouteIndex Route(ContentItem item, string path, string? containedId) => new()
    {
        DocumentId = item.Id, Path = path, ContentItemId = item.ContentItemId, ContainedContentItemId = containedId,
        Published = item.Published, Latest = item.Latest,
    };

    /// Paths are stored without leading or trailing slashes; an empty path means no route.
    public static string? NormalizePath(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? NormalizePath(text) : null;

    public static string? NormalizePath(string? path)
    {
        var trimmed = path?.Trim().Trim('/');
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
