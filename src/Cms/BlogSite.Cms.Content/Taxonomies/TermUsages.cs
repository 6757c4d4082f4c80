using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using static BlogSite.Cms.Content.Taxonomies.TermTree;

namespace BlogSite.Cms.Content.Taxonomies;

/// The items that use a term, kept in step when the term changes: a merged or deleted term leaves no dangling ids,
/// a renamed tag's cached name follows.
public sealed class TermUsages(CmsDbContext db, ContentIndexWriter indexWriter)
{
    /// Applies <paramref name="change"/> to the term ids of every current or published version that uses the term,
    /// and refreshes the cached tag names of those fields.
    public async Task RewriteAsync(ContentItem taxonomy, string termId, Func<List<string>, List<string>> change, CancellationToken cancellationToken)
    {
        var names = AllTerms(taxonomy).ToDictionary(t => t["ContentItemId"]!.GetValue<string>(), NameOf, StringComparer.Ordinal);
        // Only the current and the published versions change: replaced ones are history. They have no index rows now,
        // but a database written before ContentIndexWriter dropped them still holds rows of old copies of each post.
        var documentIds = await db.TaxonomyLinks
            .Where(l => l.TermContentItemId == termId && (l.Latest || l.Published))
            .Select(l => l.DocumentId).Distinct().ToListAsync(cancellationToken);
        var items = await db.ContentItems.Where(x => documentIds.Contains(x.Id)).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var content = (JsonObject)item.Content.DeepClone();
            foreach (var field in content.Select(p => p.Value).OfType<JsonObject>().SelectMany(p => p.Select(f => f.Value)).OfType<JsonObject>())
            {
                if (field["TermContentItemIds"] is not JsonArray idArray || !idArray.Any(x => x?.GetValue<string>() == termId))
                {
                    continue;
                }

                var ids = change([.. idArray.Select(x => x!.GetValue<string>())]);
                field["TermContentItemIds"] = new JsonArray([.. ids.Select(x => (JsonNode)x)]);
                if (field.ContainsKey("TagNames"))
                {
                    field["TagNames"] = new JsonArray([.. ids.Where(names.ContainsKey).Select(x => (JsonNode)names[x])]);
                }
            }

            item.Content = content;
            item.Restamp();
        }

        await db.SaveChangesAsync(cancellationToken);
        await indexWriter.WriteAsync(items, fresh: false, cancellationToken);
    }
}
