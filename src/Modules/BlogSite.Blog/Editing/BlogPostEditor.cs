using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// The post editor's writes, each in one transaction: a save keeps a version, a publish (or a schedule, for a future
/// date) goes with it, and a save based on a version someone else replaced is refused with nothing written. The
/// caller has checked the user's permissions; results say what happened, for the page to show.
public sealed class BlogPostEditor(
    PostFormMapper mapper, PostFormChecks checks, PostExtraFields extras, ContentDrafts drafts, ContentStore store, SiteSettingsStore settings,
    TimeProvider clock)
{
    /// Saves <paramref name="form"/> over <paramref name="latest"/> (null for a new post) as <paramref name="author"/>.
    public async Task<PostSaveResult> SaveAsync(
        PostForm form, ContentItem? latest, ContentSaveIntent intent, string? userId, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contentItemId = latest?.ContentItemId ?? ContentItemIdGenerator.NewId();
        if (await checks.ProblemsAsync(form, latest, contentItemId, cancellationToken) is { Count: > 0 } problems)
        {
            return PostSaveResult.Invalid([.. problems]);
        }

        var scheduleUtc = intent == ContentSaveIntent.Publish ? await FutureDateAsync(form, cancellationToken) : null;
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        ContentItem version;
        try
        {
            // An autosave or preview never creates tags: half-typed names would become tags.
            var createTags = intent is ContentSaveIntent.Draft or ContentSaveIntent.Publish;
            version = await mapper.BuildAsync(form, latest, contentItemId, userId, createTags, cancellationToken);
        }
        catch (ContentEditException e)
        {
            return PostSaveResult.Invalid(new PostFormProblem(nameof(PostForm.Tags), e.Message));
        }

        if (await extras.ApplyAsync(form, version, cancellationToken) is { Count: > 0 } extraProblems)
        {
            await transaction.RollbackAsync(cancellationToken);
            return PostSaveResult.Invalid([.. extraProblems.Select(p => new PostFormProblem($"{nameof(PostForm.Extra)}[{p.Key}]", p.Value))]);
        }

        PublishLaterPart.Set(version, scheduleUtc);
        ContentItem saved;
        try
        {
            var autosave = intent is ContentSaveIntent.Autosave or ContentSaveIntent.Preview;
            saved = await drafts.SaveAsync(version, latest is null ? null : form.ConcurrencyStamp, author, autosave, cancellationToken);
        }
        catch (ContentVersionConflictException e)
        {
            return new PostSaveResult(ContentSaveOutcome.Conflict) { ConflictMessage = e.Message, CurrentStamp = e.CurrentStamp };
        }

        if (intent == ContentSaveIntent.Publish && scheduleUtc is null)
        {
            try
            {
                await store.PublishAsync(saved.ContentItemId, cancellationToken: cancellationToken);
            }
            catch (ContentConflictException e)
            {
                await transaction.RollbackAsync(cancellationToken);
                return PostSaveResult.Invalid(new PostFormProblem(nameof(PostForm.Slug), e.Message));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return intent != ContentSaveIntent.Publish ? new PostSaveResult(ContentSaveOutcome.Saved, saved)
            : scheduleUtc is null ? new PostSaveResult(ContentSaveOutcome.Published, saved)
            : new PostSaveResult(ContentSaveOutcome.Scheduled, saved) { ScheduledUtc = scheduleUtc };
    }

    public Task<bool> UnpublishAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        store.UnpublishAsync(post?.ContentItemId ?? "", cancellationToken);

    public Task<bool> DeleteAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(post?.ContentItemId ?? "", cancellationToken);

    /// Cancels the schedule; the scheduled version stays in the history as a draft.
    public Task<bool> UnscheduleAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        drafts.UnscheduleAsync(post?.ContentItemId ?? "", cancellationToken);

    /// The form's publish date in UTC when it lies ahead of the site's clock. A time the zone skips is reported by
    /// the form checks, not converted.
    private async Task<DateTime?> FutureDateAsync(PostForm form, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var whenUtc = form.PublishDate is { } local && !site.Skips(local) ? site.ToUtc(local) : (DateTime?)null;
        return whenUtc > clock.GetUtcNow().UtcDateTime ? whenUtc : null;
    }
}
