using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Editing;

/// Review for people who may write but not publish: the author submits the item, it waits as "Pending review", and
/// an editor publishes it (which ends the review) or sends it back with a note the author sees. Both mark the item's
/// latest version without making a new one, and without a new concurrency stamp: the author's open editor keeps
/// saving.
public sealed class ContentReview(CmsDbContext db, TimeProvider clock)
{
    /// Puts the item in the editors' queue; an earlier note to the author is answered by this submission.
    public Task<bool> SubmitAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        MarkAsync(contentItemId, clock.GetUtcNow().UtcDateTime, note: null, cancellationToken);

    /// Takes the item out of the queue with <paramref name="note"/> for its author.
    public Task<bool> SendBackAsync(string contentItemId, string note, CancellationToken cancellationToken = default) =>
        MarkAsync(contentItemId, requestedUtc: null, note, cancellationToken);

    private async Task<bool> MarkAsync(string contentItemId, DateTime? requestedUtc, string? note, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest, cancellationToken);
        if (latest is null || latest.Published)
        {
            return false;
        }

        latest.ReviewRequestedUtc = requestedUtc;
        latest.ReviewNote = note;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
