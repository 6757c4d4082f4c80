using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Editing;

/// The editor's writes: every save keeps a new version (autosaves fold into the autosaved draft before them), a
/// published item stays as readers know it until it is published again, and a save based on a version someone else
/// has since replaced is refused rather than overwriting their work.
public sealed class ContentDrafts(CmsDbContext db, ContentIndexWriter indexWriter, TimeProvider clock, PublishingSchedule schedule)
{
    /// Every version of the item, newest first.
    public async Task<IReadOnlyList<ContentItem>> HistoryAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == contentItemId)
            .OrderByDescending(x => x.Id).ToListAsync(cancellationToken);

    /// Saves <paramref name="edited"/> as the item's latest, unpublished version. <paramref name="expectedStamp"/> is
    /// the concurrency stamp of the latest version the editor started from (null for a new item).
    public async Task<ContentItem> SaveAsync(
        ContentItem edited, string? expectedStamp, string author, bool autosave, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edited);
        var latest = await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == edited.ContentItemId && x.Latest, cancellationToken);
        if (latest is null && expectedStamp is not null)
        {
            throw ContentVersionConflictException.DeletedMeanwhile();
        }

        if (latest is not null && latest.ConcurrencyStamp != expectedStamp)
        {
            throw ContentVersionConflictException.SavedMeanwhile(latest.Author, latest.ModifiedUtc, latest.ConcurrencyStamp);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var target = latest;
        if (!(autosave && latest is { Published: false, Autosaved: true } && latest.Author == author))
        {
            if (latest is not null)
            {
                latest.Latest = false;
                latest.Restamp();
            }

            target = new ContentItem
            {
                ContentItemId = edited.ContentItemId,
                ContentItemVersionId = ContentItemIdGenerator.NewId(),
                CreatedUtc = latest?.CreatedUtc ?? now,
                Owner = latest?.Owner ?? edited.Owner,
                Latest = true,
                ReviewRequestedUtc = latest?.ReviewRequestedUtc,
                ReviewNote = latest?.ReviewNote,
            };
            db.ContentItems.Add(target);
        }

        // The owner is whom the item is credited to; an editor may change it (the page checks who may).
        target!.Owner = edited.Owner ?? latest?.Owner;
        target.ContentType = edited.ContentType;
        target.DisplayText = edited.DisplayText;
        target.Author = author;
        target.ModifiedUtc = now;
        target.PublishedUtc = edited.PublishedUtc;
        target.Content = (JsonObject)edited.Content.DeepClone();
        target.ScheduledPublishUtc = PublishLaterPart.ScheduleOf(target);
        if (target.ScheduledPublishUtc is not null)
        {
            // One schedule per item: scheduling this version replaces a schedule of an earlier one.
            await ClearSchedulesAsync(edited.ContentItemId, except: target, cancellationToken);
        }

        target.Autosaved = autosave;
        target.Restamp();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save changed the same row between our read and our write.
            db.ChangeTracker.Clear();
            var winner = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == edited.ContentItemId && x.Latest, cancellationToken);
            throw winner is null
                ? ContentVersionConflictException.DeletedMeanwhile()
                : ContentVersionConflictException.SavedMeanwhile(winner.Author, winner.ModifiedUtc, winner.ConcurrencyStamp);
        }

        await indexWriter.WriteAsync(latest is not null && latest != target ? [latest, target] : [target], fresh: false, cancellationToken);
        if (target.ScheduledPublishUtc is not null)
        {
            schedule.Changed();
        }

        return target;
    }

    /// The version of the item that is scheduled to go live, if any. Drafts saved after it are not part of it.
    public Task<ContentItem?> ScheduledVersionAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking()
            .Where(x => x.ContentItemId == contentItemId && !x.Published && x.ScheduledPublishUtc != null)
            .OrderByDescending(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// Cancels the item's schedule; its versions stay as they are.
    public async Task<bool> UnscheduleAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var cleared = await ClearSchedulesAsync(contentItemId, except: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return cleared > 0;
    }

    private async Task<int> ClearSchedulesAsync(string contentItemId, ContentItem? except, CancellationToken cancellationToken)
    {
        var scheduled = await db.ContentItems
            .Where(x => x.ContentItemId == contentItemId && x.ScheduledPublishUtc != null)
            .ToListAsync(cancellationToken);
        foreach (var version in scheduled.Where(v => v != except))
        {
            version.Content = (JsonObject)version.Content.DeepClone();
            version.Remove<PublishLaterPart>();
            version.ScheduledPublishUtc = null;
            version.Restamp();
        }

        return scheduled.Count(v => v != except);
    }

    /// Makes an old version's content the item's new draft; the version itself stays in the history as it was.
    public async Task<ContentItem?> RestoreAsync(
        string contentItemId, string contentItemVersionId, string? expectedStamp, string author, CancellationToken cancellationToken = default)
    {
        var old = await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.ContentItemVersionId == contentItemVersionId, cancellationToken);
        if (old is null)
        {
            return null;
        }

        var current = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest, cancellationToken);
        var restored = new ContentItem
        {
            ContentItemId = old.ContentItemId,
            ContentType = old.ContentType,
            DisplayText = old.DisplayText,
            // Restoring brings back the words, not an earlier credit.
            Owner = current?.Owner ?? old.Owner,
            PublishedUtc = current?.PublishedUtc ?? old.PublishedUtc,
            Content = (JsonObject)old.Content.DeepClone(),
        };
        restored.Remove<PublishLaterPart>();
        var saved = await SaveAsync(restored, expectedStamp, author, autosave: false, cancellationToken);
        saved.RestoredFromVersionId = old.ContentItemVersionId;
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }
}
