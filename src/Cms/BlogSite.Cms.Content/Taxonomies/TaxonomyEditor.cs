using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Storage;
using static BlogSite.Cms.Content.Taxonomies.TermTree;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Taxonomies;

/// Changes a taxonomy's terms as Orchard Core stores them (a tree inside the taxonomy item) and keeps the items that
/// use a term in step: a merged or deleted term leaves no dangling ids, a renamed tag's cached name follows. The
/// taxonomy is saved through the content store, so a re-slugged term's old URL answers with a 301.
public sealed class TaxonomyEditor(CmsDbContext db, ContentStore store)
{
    private const int MaxAttempts = 10;

    public Task<ContentItem?> GetAsync(string taxonomyId, CancellationToken cancellationToken = default) =>
        store.GetLatestAsync(taxonomyId, cancellationToken);

    public async Task<string> AddTermAsync(string taxonomyId, string name, string? slug, string? parentId, CancellationToken cancellationToken = default)
    {
        var (_, termId) = await EditAsync(taxonomyId, taxonomy =>
        {
            var siblings = parentId is null ? Roots(taxonomy) : Children(Find(taxonomy, parentId, "ParentId"));
            var term = NewTerm(taxonomy);
            siblings.Add(term);
            Describe(taxonomy, term, name, slug);
            return term["ContentItemId"]!.GetValue<string>();
        }, cancellationToken);
        return termId!;
    }

    /// Renames and re-slugs a term; the items that use it keep using it.
    public async Task UpdateTermAsync(string taxonomyId, string termId, string name, string? slug, CancellationToken cancellationToken = default)
    {
        var (taxonomy, _) = await EditAsync(taxonomyId, taxonomy =>
        {
            Describe(taxonomy, Find(taxonomy, termId, "TermId"), name, slug);
            return termId;
        }, cancellationToken);
        await RewriteItemsAsync(taxonomy, termId, ids => ids, cancellationToken);
    }

    /// Moves a term one place up (-1) or down (+1) among its siblings.
    public Task MoveAsync(string taxonomyId, string termId, int offset, CancellationToken cancellationToken = default) =>
        EditAsync(taxonomyId, taxonomy =>
        {
            var term = Find(taxonomy, termId, "TermId");
            var siblings = (JsonArray)term.Parent!;
            var index = siblings.IndexOf(term);
            var target = Math.Clamp(index + offset, 0, siblings.Count - 1);
            if (target == index)
            {
                return null;
            }

            siblings.RemoveAt(index);
            siblings.Insert(target, term);
            return termId;
        }, cancellationToken);

    /// Puts a term (with its children) under another term, or at the top with a null parent; it goes last there.
    public Task SetParentAsync(string taxonomyId, string termId, string? parentId, CancellationToken cancellationToken = default) =>
        EditAsync(taxonomyId, taxonomy =>
        {
            var term = Find(taxonomy, termId, "TermId");
            JsonArray destination;
            if (parentId is null)
            {
                destination = Roots(taxonomy);
            }
            else
            {
                var parent = Find(taxonomy, parentId, "ParentId");
                if (parentId == termId || IsInside(parent, term))
                {
                    throw new TaxonomyEditException("ParentId", "A term cannot be placed under itself or under one of its own children.");
                }

                destination = Children(parent);
            }

            ((JsonArray)term.Parent!).Remove(term);
            destination.Add(term);
            EnsureUniquePaths(taxonomy);
            return termId;
        }, cancellationToken);

    /// Deletes a term and the terms below it; items that used them lose those links.
    public async Task DeleteTermAsync(string taxonomyId, string termId, CancellationToken cancellationToken = default)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var (taxonomy, _) = await EditAsync(taxonomyId, taxonomy =>
        {
            var term = Find(taxonomy, termId, "TermId");
            removed = AllTerms(term).Select(t => t["ContentItemId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            ((JsonArray)term.Parent!).Remove(term);
            return termId;
        }, cancellationToken);
        foreach (var id in removed)
        {
            await RewriteItemsAsync(taxonomy, id, ids => [.. ids.Where(x => x != id)], cancellationToken);
        }
    }

    /// Every item tagged with <paramref name="sourceId"/> gets <paramref name="targetId"/> instead; the source term goes.
    public async Task MergeAsync(string taxonomyId, string sourceId, string targetId, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            throw new TaxonomyEditException("TargetId", "Choose two different terms to merge.");
        }

        var (taxonomy, _) = await EditAsync(taxonomyId, taxonomy =>
        {
            var source = Find(taxonomy, sourceId, "SourceId");
            Find(taxonomy, targetId, "TargetId");
            if (Children(source).Count > 0)
            {
                throw new TaxonomyEditException("SourceId", "Move or delete this term's children before merging it.");
            }

            ((JsonArray)source.Parent!).Remove(source);
            return sourceId;
        }, cancellationToken);
        await RewriteItemsAsync(taxonomy, sourceId, ids => [.. ids.Select(x => x == sourceId ? targetId : x).Distinct(StringComparer.Ordinal)], cancellationToken);
    }

    /// The ids of the named top-level terms (case-insensitive), adding the names the taxonomy does not have yet.
    public async Task<IReadOnlyList<string>> EnsureTermsAsync(string taxonomyId, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ids = new List<string>();
        await EditAsync(taxonomyId, taxonomy =>
        {
            ids.Clear();
            var added = false;
            foreach (var name in wanted)
            {
                var existing = AllTerms(taxonomy).FirstOrDefault(t => string.Equals(NameOf(t), name, StringComparison.OrdinalIgnoreCase));
                if (existing is null)
                {
                    existing = NewTerm(taxonomy);
                    Roots(taxonomy).Add(existing);
                    Describe(taxonomy, existing, name, FreeSlug(taxonomy, name));
                    added = true;
                }

                ids.Add(existing["ContentItemId"]!.GetValue<string>());
            }

            return added ? "added" : null;
        }, cancellationToken);
        return ids;
    }

    private async Task<ContentItem> LoadAsync(string taxonomyId, CancellationToken cancellationToken)
    {
        var taxonomy = await store.GetLatestAsync(taxonomyId, cancellationToken);
        if (taxonomy?.Content["TaxonomyPart"] is not JsonObject)
        {
            throw new TaxonomyEditException("TaxonomyId", $"There is no taxonomy '{taxonomyId}'.");
        }

        taxonomy.Content = (JsonObject)taxonomy.Content.DeepClone();
        return taxonomy;
    }

    /// Loads the taxonomy, applies <paramref name="change"/> (which returns null when it changed nothing) and saves
    /// it. Taxonomies are not drafted: a change is saved over the current version and is live at once. A change
    /// saved by someone else meanwhile (an author's new tag, another editor) is never overwritten: the change is
    /// made again on what they saved.
    private async Task<(ContentItem Taxonomy, string? Result)> EditAsync(
        string taxonomyId, Func<ContentItem, string?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var taxonomy = await LoadAsync(taxonomyId, cancellationToken);
            var result = change(taxonomy);
            if (result is null)
            {
                return (taxonomy, null);
            }

            try
            {
                await SaveAsync(taxonomy, cancellationToken);
                return (taxonomy, result);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Nothing else is tracked yet when a taxonomy is saved (items are rewritten afterwards). A short,
                // growing, random pause keeps writers that collided from colliding again.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new TaxonomyEditException("TaxonomyId", "The taxonomy is being changed by someone else right now; try again.");
            }
        }
    }

    private async Task SaveAsync(ContentItem taxonomy, CancellationToken cancellationToken)
    {
        // The UPDATE only succeeds if the stored version is still the one the change was made on.
        var stored = await db.ContentItems.FirstAsync(x => x.ContentItemId == taxonomy.ContentItemId && x.Latest, cancellationToken);
        db.Entry(stored).Property(x => x.ConcurrencyStamp).OriginalValue = taxonomy.ConcurrencyStamp;
        await store.ImportAsync(
            new ContentItem
            {
                ContentItemId = taxonomy.ContentItemId,
                ContentType = taxonomy.ContentType,
                DisplayText = taxonomy.DisplayText,
                Latest = true,
                Published = true,
                Owner = taxonomy.Owner,
                Author = taxonomy.Author,
                CreatedUtc = taxonomy.CreatedUtc,
                PublishedUtc = taxonomy.PublishedUtc,
                Content = taxonomy.Content,
            },
            cancellationToken);
    }

    /// Applies <paramref name="change"/> to the term ids of every current or published version that uses the term,
    /// and refreshes the cached tag names of those fields.
    private async Task RewriteItemsAsync(ContentItem taxonomy, string termId, Func<List<string>, List<string>> change, CancellationToken cancellationToken)
    {
        var names = AllTerms(taxonomy).ToDictionary(t => t["ContentItemId"]!.GetValue<string>(), NameOf, StringComparer.Ordinal);
        var documentIds = await db.TaxonomyLinks.Where(l => l.TermContentItemId == termId).Select(l => l.DocumentId).Distinct().ToListAsync(cancellationToken);
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
            item.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in items)
        {
            await store.ReindexAsync(item, cancellationToken);
        }
    }
}
