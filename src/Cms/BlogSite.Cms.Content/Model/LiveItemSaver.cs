using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Model;

/// Changes items whose structure is edited in place and live at once (a taxonomy's terms, a menu's items): loads the
/// item, lets an edit change its JSON and saves it through the content store (so a re-slugged term's old URL answers
/// with a 301), never over a version saved meanwhile.
public sealed class LiveItemSaver(CmsDbContext db, ContentStore store, ContentVersionImporter importer)
{
    private const int MaxAttempts = 10;

    /// Runs <paramref name="change"/> (one or more edits) in one transaction. A refused change leaves nothing changed
    /// and says which field was at fault.
    public async Task<ContentChange> RunAsync(Func<Task<string>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        try
        {
            var message = await change();
            await transaction.CommitAsync(cancellationToken);
            return new ContentChange(message);
        }
        catch (ContentEditException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ContentChange(null, e.Field, e.Message);
        }
        catch (ContentConflictException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ContentChange(null, "Slug", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An item that uses this one was saved at the same moment; nothing was changed, so trying again is safe.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ContentChange(null, "TermId", "An item using this one was saved at the same moment; nothing was changed. Try again.");
        }
    }

    /// Loads the latest version of <paramref name="itemId"/> (which must be of <paramref name="contentType"/>),
    /// applies <paramref name="change"/> (which returns null when it changed nothing) and saves it over the current
    /// version: these items are not drafted. A change saved by someone else meanwhile (an author's new tag, another
    /// editor) is never overwritten: the change is made again on what they saved.
    public async Task<(ContentItem Item, string? Result)> EditAsync(
        string itemId, string contentType, Func<ContentItem, string?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var item = await LoadAsync(itemId, contentType, cancellationToken);
            var result = change(item);
            if (result is null)
            {
                return (item, null);
            }

            try
            {
                await SaveAsync(item, cancellationToken);
                return (item, result);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Nothing else is tracked yet when the item is saved (items using it are rewritten afterwards). A
                // short, growing, random pause keeps writers that collided from colliding again.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ContentEditException("ContentItemId", "This item is being changed by someone else right now; try again.");
            }
        }
    }

    private async Task<ContentItem> LoadAsync(string itemId, string contentType, CancellationToken cancellationToken)
    {
        var item = await store.GetLatestAsync(itemId, cancellationToken);
        if (item?.ContentType != contentType)
        {
            throw new ContentEditException("ContentItemId", $"There is no {contentType.ToLowerInvariant()} '{itemId}'.");
        }

        item.Content = (JsonObject)item.Content.DeepClone();
        return item;
    }

    private async Task SaveAsync(ContentItem item, CancellationToken cancellationToken)
    {
        // Only over the version the change was made on.
        await importer.ImportOverAsync(
            new ContentItem
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                DisplayText = item.DisplayText,
                Latest = true,
                Published = true,
                Owner = item.Owner,
                Author = item.Author,
                CreatedUtc = item.CreatedUtc,
                PublishedUtc = item.PublishedUtc,
                Content = item.Content,
            },
            item.ConcurrencyStamp,
            cancellationToken);
    }
}
