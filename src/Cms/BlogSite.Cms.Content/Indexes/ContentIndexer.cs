using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Taxonomies;

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

        var autoroute = item.As<AutoroutePart>();
        var path = NormalizePath(autoroute?.Path);
        if (path is not null)
        {
            routes.Add(Route(item, path, null));
        }

        if (item.As<ContainedPart>() is { ListContentItemId: { } listId } contained)
        {
            containment.Add(new ContainedIndex
            {
                DocumentId = item.Id, ContentItemId = item.ContentItemId, ListContentItemId = listId, Order = contained.Order,
                Published = item.Published, Latest = item.Latest, PublishedUtc = item.PublishedUtc,
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
                            TermContentItemId = termId, Published = item.Published, Latest = item.Latest, PublishedUtc = item.PublishedUtc,
                        });
                    }
                }
            }
        }

        if (item.As<TaxonomyPart>()?.Terms is { } taxonomyTerms)
        {
            var routeTerms = autoroute is { RouteContainedItems: true } && path is not null;
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

            var termPath = NormalizePath(TermTree.SlugOf(node));
            var fullPath = termPath is null || taxonomyPath is null ? null : $"{taxonomyPath}/{termPath}";
            terms.Add(new TermIndex
            {
                DocumentId = taxonomy.Id, TaxonomyContentItemId = taxonomy.ContentItemId, TermContentItemId = termId,
                ParentTermContentItemId = parentId, ContentType = node["ContentType"]?.GetValue<string>() ?? "",
                DisplayText = node["DisplayText"]?.GetValue<string>() ?? ContentParts.Get<TitlePart>(node)?.Title ?? "",
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

    public static string? NormalizePath(string? path)
    {
        var trimmed = path?.Trim().Trim('/');
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
