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
    PostFormMapper mapper, PostFormChecks checks, PostExtraFields extras, ContentVersionWriter writer, ContentDrafts drafts, ContentStore store,
    SiteSettingsStore settings, ContentReview review)
{
    /// Saves <paramref name="form"/> over <paramref name="latest"/> (null for a new post) as <paramref name="author"/>.
    /// With <paramref name="mayPublish"/>, a draft saved over a scheduled post takes the schedule along: what goes out
    /// is what was saved last, as in Ghost and WordPress. Autosaves and previews leave the schedule where it is.
    public async Task<ContentSaveResult> SaveAsync(
        PostForm form, ContentItem? latest, ContentSaveIntent intent, string? userId, string author, bool mayPublish,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contentItemId = latest?.ContentItemId ?? ContentItemIdGenerator.NewId();
        var schedule = mayPublish && intent == ContentSaveIntent.Draft && latest is not null
            ? (await drafts.ScheduledVersionAsync(contentItemId, cancellationToken))?.ScheduledPublishUtc
            : null;
        var publish = intent == ContentSaveIntent.Publish || schedule is not null;
        if (await checks.ProblemsAsync(form, latest, contentItemId, publish, cancellationToken) is { Count: > 0 } problems)
        {
            return ContentSaveResult.Invalid(problems.Select(p => KeyValuePair.Create(p.Field, p.Message)));
        }

        var futureUtc = writer.FutureUtc(form.PublishDate, await settings.GetAsync(cancellationToken));
        if (schedule is not null && form.PublishDate is not null && futureUtc is null)
        {
            // The schedule would go out dated in the past, below posts it was meant to follow.
            return ContentSaveResult.Invalid(
                nameof(PostForm.PublishDate), "This post is scheduled: choose a future date, or cancel the schedule and publish it now.");
        }

        var scheduleUtc = publish ? futureUtc ?? schedule : null;
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
            return ContentSaveResult.Invalid(nameof(PostForm.Tags), e.Message);
        }

        if (await extras.ApplyAsync(form, version, cancellationToken) is { Count: > 0 } extraProblems)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ContentSaveResult.Invalid(extraProblems.Select(p => KeyValuePair.Create($"{nameof(PostForm.Extra)}[{p.Key}]", p.Value)));
        }

        return await writer.WriteAsync(
            transaction, version, latest is null ? null : form.ConcurrencyStamp, author, intent,
            publish, scheduleUtc, nameof(PostForm.Slug), cancellationToken);
    }

    public Task<bool> UnpublishAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        store.UnpublishAsync(post?.ContentItemId ?? "", cancellationToken);

    public Task<bool> DeleteAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(post?.ContentItemId ?? "", cancellationToken);

    /// Puts the saved draft in the editors' review queue.
    public Task<bool> SubmitForReviewAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        review.SubmitAsync(post?.ContentItemId ?? "", cancellationToken);

    /// Takes the post out of the review queue with a note for its author.
    public Task<bool> SendBackAsync(ContentItem post, string note, CancellationToken cancellationToken = default) =>
        review.SendBackAsync(post?.ContentItemId ?? "", note, cancellationToken);

    /// Cancels the schedule; the scheduled version stays in the history as a draft.
    public Task<bool> UnscheduleAsync(ContentItem post, CancellationToken cancellationToken = default) =>
        drafts.UnscheduleAsync(post?.ContentItemId ?? "", cancellationToken);
}
