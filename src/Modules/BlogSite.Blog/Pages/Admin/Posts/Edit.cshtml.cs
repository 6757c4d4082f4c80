using BlogSite.Blog.Editing;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages.Admin.Posts;

/// /admin/posts/new and /admin/posts/{id}: the post editor. <see cref="BlogPostEditor"/> does the writes; this page
/// checks what the user may do (<see cref="PostEditorLoader"/>) and turns results into messages and field errors.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class EditPostModel(
    PostEditorLoader loader, BlogPostEditor editor, PostFormMapper mapper, PostEditorChoices choices, SiteSettingsStore settings,
    ContentStore store, ContentEditors editors, PostAuthorChoices authors, ContentDependents dependents) : PageModel
{
    [BindProperty]
    public PostForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// Why an unpublish or delete was refused: a post can be the site's home page.
    [TempData]
    public string? Refusal { get; set; }

    public const int MaxReviewNote = 2000;

    public string Id { get; private set; } = PostEditorLoader.NewId;

    public PostEditorState Post { get; private set; } = null!;

    public PostEditorChoices Choices => choices;

    /// Set when the save was refused because someone else saved meanwhile.
    public string? Conflict { get; private set; }

    public bool IsNew => Post.Latest is null;

    /// Whom the post can be credited to, for editors who may choose.
    public IReadOnlyList<(string Id, string Name)> Authors { get; private set; } = [];

    /// What comes before the slug in the post's address.
    public string PathParent { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        // An old link to an item of another type leads to the editor that type has.
        if (await store.GetLatestAsync(id, cancellationToken) is { ContentType: not BlogContentDefinitions.BlogPost } other
            && editors.EditUrl(other.ContentType, other.ContentItemId) is { } elsewhere)
        {
            return LocalRedirect(elsewhere);
        }

        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Post.Latest is { } latest)
        {
            Form = await mapper.FormOfAsync(latest, Post.Scheduled?.ScheduledPublishUtc, cancellationToken);
        }

        var page = await ShowAsync(cancellationToken);
        Form.Extra = choices.ExtraInputs.ToDictionary(i => i.Key, i => i.Value);
        return page;
    }

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken) =>
        SaveAsync(id, ContentSaveIntent.Draft, cancellationToken);

    /// Publishes now, or schedules when the publish date is in the future.
    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        SaveAsync(id, ContentSaveIntent.Publish, cancellationToken);

    /// Saves the draft (as an autosave, so previews do not crowd the history) and opens it in the theme.
    public Task<IActionResult> OnPostPreviewAsync(string id, CancellationToken cancellationToken) =>
        SaveAsync(id, ContentSaveIntent.Preview, cancellationToken);

    /// Saves the draft and puts it in the editors' review queue: for people who may write but not publish.
    public Task<IActionResult> OnPostSubmitAsync(string id, CancellationToken cancellationToken) =>
        SaveAsync(id, ContentSaveIntent.Draft, cancellationToken, submitForReview: true);

    /// An editor takes a submitted post out of the queue with a note that tells its author what to change.
    public Task<IActionResult> OnPostSendBackAsync(string id, string? reviewNote, CancellationToken cancellationToken) =>
        ActAsync(id, state => state.CanPublish && state.Latest?.ReviewRequestedUtc is not null, backToList: false, async post =>
        {
            if (string.IsNullOrWhiteSpace(reviewNote))
            {
                return "Not sent back: write a note that tells the author what to change.";
            }

            var note = reviewNote.Trim();
            await editor.SendBackAsync(post, note.Length > MaxReviewNote ? note[..MaxReviewNote] : note, cancellationToken);
            return $"Sent back to {post.Author} with your note; it leaves the review queue until they submit it again.";
        }, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, state => state.CanPublish, backToList: false, async post =>
        {
            if (await dependents.RefusalAsync(post, "unpublished", cancellationToken) is { } refusal)
            {
                Refusal = refusal;
                return null;
            }

            await editor.UnpublishAsync(post, cancellationToken);
            return "Unpublished: readers no longer see this post.";
        }, cancellationToken);

    /// Cancels the schedule; the scheduled version stays in the history as a draft.
    public Task<IActionResult> OnPostUnscheduleAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, state => state.CanPublish, backToList: false, async post =>
            await editor.UnscheduleAsync(post, cancellationToken)
                ? "Schedule cancelled: nothing will be published automatically."
                : "The post was not scheduled.",
            cancellationToken);

    /// Deletes the post with its versions and goes back to the content list.
    public Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, state => state.CanDelete, backToList: true, async post =>
        {
            if (await dependents.RefusalAsync(post, "deleted", cancellationToken) is { } refusal)
            {
                Refusal = refusal;
                return null;
            }

            await editor.DeleteAsync(post, cancellationToken);
            return $"Deleted '{post.DisplayText}'.";
        }, cancellationToken);

    private async Task<IActionResult> SaveAsync(string id, ContentSaveIntent intent, CancellationToken cancellationToken, bool submitForReview = false)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (intent == ContentSaveIntent.Preview && !Post.CanPreview)
        {
            return Forbid();
        }

        if (intent == ContentSaveIntent.Publish && !Post.CanPublish)
        {
            ModelState.AddModelError("", "You can save drafts of this post but not publish it; an editor will publish it for you.");
            return await ShowAsync(cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        if (await authors.SettleAsync(Form, Post, cancellationToken) is { } authorProblem)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(PostForm.OwnerId)}", authorProblem);
            return await ShowAsync(cancellationToken);
        }

        PostedChoices.Collect(Request.Form, "Form.Extra", Form.Extra);
        var result = await editor.SaveAsync(Form, Post.Latest, intent, Post.UserId, User.Identity?.Name ?? "", Post.CanPublish, cancellationToken);
        if (!result.Succeeded)
        {
            Show(result);
            return await ShowAsync(cancellationToken);
        }

        var saved = result.Item!;
        if (intent == ContentSaveIntent.Preview)
        {
            return RedirectToPage("/Admin/Preview", new { id = saved.ContentItemId });
        }

        if (submitForReview)
        {
            await editor.SubmitForReviewAsync(saved, cancellationToken);
            Message = "Submitted for review: an editor will publish it or send it back with a note. You can keep editing meanwhile.";
            return RedirectToPage(new { id = saved.ContentItemId });
        }

        var site = await settings.GetAsync(cancellationToken);
        Message = result.Outcome switch
        {
            ContentSaveOutcome.Scheduled when intent == ContentSaveIntent.Draft =>
                $"Saved: these changes go live with the schedule, on {site.ShowTime(result.ScheduledUtc!.Value, "d MMMM yyyy 'at' HH:mm", nameZone: true)}.",
            ContentSaveOutcome.Scheduled => $"Scheduled: it goes live on {site.ShowTime(result.ScheduledUtc!.Value, "d MMMM yyyy 'at' HH:mm", nameZone: true)}.",
            ContentSaveOutcome.Published => "Published.",
            _ when Post.Scheduled is not null => "Draft saved. The scheduled version still goes live on time; an editor who saves or schedules it includes these changes.",
            _ when Post.Published is null => "Draft saved.",
            _ => "Draft saved. Readers still see the published version until you publish.",
        };
        return RedirectToPage(new { id = saved.ContentItemId });
    }

    /// An action on a stored post that needs <paramref name="allowed"/>; it returns the message to show, on the post
    /// or, with <paramref name="backToList"/>, on the content list.
    private async Task<IActionResult> ActAsync(
        string id, Func<PostEditorState, bool> allowed, bool backToList, Func<ContentItem, Task<string?>> action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Post.Latest is not { } post || !allowed(Post))
        {
            return Forbid();
        }

        Message = await action(post);
        return backToList && Refusal is null ? RedirectToPage("/Admin/Content/Index") : RedirectToPage(new { id = post.ContentItemId });
    }

    /// Loads the post and the user's permissions on it; returns the response when the user may not edit it.
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        if (await loader.LoadAsync(id, User, cancellationToken) is not { } post)
        {
            return NotFound();
        }

        Post = post;
        return post.CanEdit ? null : Forbid();
    }

    private void Show(ContentSaveResult result)
    {
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Key}", problem.Value);
        }

        if (result.Outcome == ContentSaveOutcome.Conflict)
        {
            Conflict = result.ConflictMessage;
            ModelState.Remove($"{nameof(Form)}.{nameof(PostForm.ConcurrencyStamp)}");
            Form.ConcurrencyStamp = result.CurrentStamp;
        }
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await choices.LoadAsync(Post.Latest, cancellationToken);
        PathParent = await mapper.PathParentAsync(Post.Latest, cancellationToken);
        Authors = Post.CanChooseAuthor ? await authors.ListAsync(cancellationToken) : [];
        return Page();
    }
}
