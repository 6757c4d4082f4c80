using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Taxonomies;

/// Loads a taxonomy, lets an edit change its term tree and saves it through the content store (so a re-slugged
/// term's old URL answers with a 301), never over a version saved meanwhile.
public sealed class TaxonomySaver(CmsDbContext db, ContentStore store)
{
    private const int MaxAttempts = 10;

    private async Task<ContentItem> LoadAsync(string taxonomyId, CancellationToken cancellationToken)
    {
        var taxonomy = await store.GetLatestAsync(taxonomyId, cancellationToken);
        if (!Taxonomy.Is(taxonomy))
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
    public async Task<(ContentItem Taxonomy, string? Result)> EditAsync(
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
}
