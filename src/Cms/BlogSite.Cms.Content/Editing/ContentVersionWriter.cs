using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlogSite.Cms.Content.Editing;

/// The one way an editor writes a version it has built: kept as a draft (never over a version someone else saved
/// meanwhile), then published now or scheduled, all in the caller's transaction, which this commits or rolls back.
public sealed class ContentVersionWriter(ContentDrafts drafts, ContentStore store, TimeProvider clock)
{
    /// A publish time typed in the site's zone, in UTC, when it lies ahead of the site's clock (a schedule); null for
    /// now. A time the zone skips is for the form's checks to report, not to convert.
    public DateTime? FutureUtc(DateTime? local, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var whenUtc = local is { } typed && !site.Skips(typed) ? site.ToUtc(typed) : (DateTime?)null;
        return whenUtc > clock.GetUtcNow().UtcDateTime ? whenUtc : null;
    }

    /// Writes <paramref name="version"/> on top of the version with <paramref name="expectedStamp"/> (null for a new
    /// item). <paramref name="publish"/> makes it live now, unless <paramref name="scheduleUtc"/> puts that off; a
    /// path another item took meanwhile is reported for <paramref name="pathField"/>.
    public async Task<ContentSaveResult> WriteAsync(
        IDbContextTransaction transaction, ContentItem version, string? expectedStamp, string author, ContentSaveIntent intent,
        bool publish, DateTime? scheduleUtc, string pathField, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(version);
        PublishLaterPart.Set(version, publish ? scheduleUtc : null);
        ContentItem saved;
        try
        {
            var autosave = intent is ContentSaveIntent.Autosave or ContentSaveIntent.Preview;
            saved = await drafts.SaveAsync(version, expectedStamp, author, autosave, cancellationToken);
        }
        catch (ContentVersionConflictException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ContentSaveResult(ContentSaveOutcome.Conflict) { ConflictMessage = e.Message, CurrentStamp = e.CurrentStamp };
        }

        if (publish && scheduleUtc is null)
        {
            try
            {
                await store.PublishAsync(saved.ContentItemId, cancellationToken: cancellationToken);
            }
            catch (ContentConflictException e)
            {
                await transaction.RollbackAsync(cancellationToken);
                return ContentSaveResult.Invalid(pathField, e.Message);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return !publish ? new ContentSaveResult(ContentSaveOutcome.Saved, saved)
            : scheduleUtc is null ? new ContentSaveResult(ContentSaveOutcome.Published, saved)
            : new ContentSaveResult(ContentSaveOutcome.Scheduled, saved) { ScheduledUtc = scheduleUtc };
    }
}
