using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using static BlogSite.Cms.Content.Taxonomies.TermTree;

namespace BlogSite.Cms.Content.Taxonomies;

/// Changes a taxonomy's terms as Orchard Core stores them (a tree inside the taxonomy item) and keeps the items that
/// use a term in step: a merged or deleted term leaves no dangling ids, a renamed tag's cached name follows. The
/// taxonomy is saved through the content store, so a re-slugged term's old URL answers with a 301.
public sealed class TaxonomyEditor(ContentStore store, LiveItemSaver saver, TermUsages usages)
{
    public async Task<ContentItem?> GetAsync(string taxonomyId, CancellationToken cancellationToken = default) =>
        await store.GetLatestAsync(taxonomyId, cancellationToken) is { } item && Taxonomy.Is(item) ? item : null;

    /// Runs <paramref name="change"/> (one or more of this editor's edits) in one transaction. A refused change
    /// leaves nothing changed and says which field was at fault.
    public Task<ContentChange> ChangeAsync(Func<Task<string>> change, CancellationToken cancellationToken = default) =>
        saver.RunAsync(change, cancellationToken);

    public async Task<string> AddTermAsync(string taxonomyId, string name, string? slug, string? parentId, CancellationToken cancellationToken = default)
    {
        var (_, termId) = await saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
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
        var (taxonomy, _) = await saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
        {
            Describe(taxonomy, Find(taxonomy, termId, "TermId"), name, slug);
            return termId;
        }, cancellationToken);
        await usages.RewriteAsync(taxonomy, termId, ids => ids, cancellationToken);
    }

    /// Moves a term one place up (-1) or down (+1) among its siblings.
    public Task MoveAsync(string taxonomyId, string termId, int offset, CancellationToken cancellationToken = default) =>
        saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
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
        saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
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
                    throw new ContentEditException("ParentId", "A term cannot be placed under itself or under one of its own children.");
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
        var (taxonomy, _) = await saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
        {
            var term = Find(taxonomy, termId, "TermId");
            removed = AllTerms(term).Select(t => t["ContentItemId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            ((JsonArray)term.Parent!).Remove(term);
            return termId;
        }, cancellationToken);
        foreach (var id in removed)
        {
            await usages.RewriteAsync(taxonomy, id, ids => [.. ids.Where(x => x != id)], cancellationToken);
        }
    }

    /// Every item tagged with <paramref name="sourceId"/> gets <paramref name="targetId"/> instead; the source term goes.
    public async Task MergeAsync(string taxonomyId, string sourceId, string targetId, CancellationToken cancellationToken = default)
    {
        if (sourceId == targetId)
        {
            throw new ContentEditException("TargetId", "Choose two different terms to merge.");
        }

        var (taxonomy, _) = await saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
        {
            var source = Find(taxonomy, sourceId, "SourceId");
            Find(taxonomy, targetId, "TargetId");
            if (Children(source).Count > 0)
            {
                throw new ContentEditException("SourceId", "Move or delete this term's children before merging it.");
            }

            ((JsonArray)source.Parent!).Remove(source);
            return sourceId;
        }, cancellationToken);
        await usages.RewriteAsync(taxonomy, sourceId, ids => [.. ids.Select(x => x == sourceId ? targetId : x).Distinct(StringComparer.Ordinal)], cancellationToken);
        await store.RedirectGoneAsync(taxonomyId, sourceId, targetId, cancellationToken);
    }

    /// The ids of the named top-level terms (case-insensitive), adding the names the taxonomy does not have yet.
    public async Task<IReadOnlyList<string>> EnsureTermsAsync(string taxonomyId, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ids = new List<string>();
        await saver.EditAsync(taxonomyId, Taxonomy.ContentType, taxonomy =>
        {
            ids.Clear();
            var added = false;
            // Looked up once, so naming many terms stays linear in the taxonomy's size.
            var byName = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var term in AllTerms(taxonomy))
            {
                byName.TryAdd(NameOf(term), term);
            }

            var slugs = TakenSlugs(taxonomy);
            foreach (var name in wanted)
            {
                if (!byName.TryGetValue(name, out var existing))
                {
                    existing = NewTerm(taxonomy);
                    Roots(taxonomy).Add(existing);
                    var slug = FreeSlug(slugs, name);
                    Name(existing, name, slug);
                    slugs.Add(slug);
                    byName[name] = existing;
                    added = true;
                }

                ids.Add(existing["ContentItemId"]!.GetValue<string>());
            }

            return added ? "added" : null;
        }, cancellationToken);
        return ids;
    }
}
