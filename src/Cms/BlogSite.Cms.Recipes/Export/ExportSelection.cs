using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Recipes.Export;

/// The items an export writes: everything, or the chosen types and items plus what they point at (their containers,
/// the taxonomies of their terms), so the export imports into an empty site without dangling references.
internal static class ExportSelection
{
    public static async Task<List<ContentItem>> SelectAsync(CmsDbContext db, ExportOptions options, CancellationToken cancellationToken)
    {
        var all = db.ContentItems.AsNoTracking().Where(x => x.Latest || x.Published);
        if (options.WholeSite)
        {
            return Collapse(await all.OrderBy(x => x.Id).ToListAsync(cancellationToken), options.Setup);
        }

        var types = options.Types ?? [];
        var ids = new HashSet<string>(options.Items ?? [], StringComparer.Ordinal);
        var selected = await all.Where(x => types.Contains(x.ContentType) || ids.Contains(x.ContentItemId)).ToListAsync(cancellationToken);
        var wanted = selected.Select(x => x.ContentItemId).ToHashSet(StringComparer.Ordinal);
        for (var pending = References(selected, wanted).ToList(); pending.Count > 0; pending = References(selected, wanted).ToList())
        {
            var termOwners = await db.Terms.AsNoTracking().Where(t => pending.Contains(t.TermContentItemId)).Select(t => t.TaxonomyContentItemId).ToListAsync(cancellationToken);
            var more = await all.Where(x => pending.Contains(x.ContentItemId) || termOwners.Contains(x.ContentItemId)).ToListAsync(cancellationToken);
            wanted.UnionWith(pending);
            wanted.UnionWith(more.Select(m => m.ContentItemId));
            selected.AddRange(more.Where(m => !selected.Exists(s => s.Id == m.Id)));
        }

        return Collapse([.. selected.OrderBy(x => x.Id)], options.Setup);
    }

    /// Media paths the items' media fields use.
    public static IEnumerable<string> MediaPaths(IEnumerable<ContentItem> items) =>
        items.SelectMany(i => i.Content.Select(p => p.Value).OfType<JsonObject>())
            .SelectMany(part => part.Select(f => f.Value).OfType<JsonObject>())
            .SelectMany(field => field["Paths"] as JsonArray ?? [])
            .Select(p => p is JsonValue v && v.TryGetValue<string>(out var path) ? path : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> References(List<ContentItem> items, HashSet<string> known)
    {
        foreach (var item in items)
        {
            if (item.As<ContainedPart>()?.ListContentItemId is { } listId && !known.Contains(listId))
            {
                yield return listId;
            }

            foreach (var field in item.Content.Select(p => p.Value).OfType<JsonObject>().SelectMany(p => p.Select(f => f.Value).OfType<JsonObject>()))
            {
                if (field["TaxonomyContentItemId"] is JsonValue taxonomy && taxonomy.TryGetValue<string>(out var taxonomyId) && !known.Contains(taxonomyId))
                {
                    yield return taxonomyId;
                }

                foreach (var term in (field["TermContentItemIds"] as JsonArray ?? []).Select(t => t is JsonValue v && v.TryGetValue<string>(out var id) ? id : null).OfType<string>())
                {
                    if (!known.Contains(term))
                    {
                        yield return term;
                    }
                }
            }
        }
    }

    /// A setup export has one version per item: the published one, or the latest when nothing is published.
    private static List<ContentItem> Collapse(List<ContentItem> items, bool setup) =>
        setup
            ? [.. items.GroupBy(i => i.ContentItemId).Select(g => g.FirstOrDefault(i => i.Published) ?? g.First()).OrderBy(i => i.Id)]
            : items;
}
