using System.Security.Claims;
using BlogSite.Blog.Editing;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages.Admin.Posts;

/// /admin/posts/new and /admin/posts/{id}: the post editor. Every save keeps a version; a published post changes for
/// readers only when it is published again; a save based on a version someone else replaced is refused with the
/// editor's text kept. Each handler checks its own permission (edit, publish, delete, preview; any or own).
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class EditPostModel(
    BlogPostEditor editor, PostFormChecks checks, ContentDrafts drafts, ContentStore store, ContentPermissionCheck permissions) : PageModel
{
    public const string NewId = "new";

    [BindProperty]
    public PostForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string Id { get; private set; } = NewId;

    public ContentItem? Latest { get; private set; }

    public ContentItem? PublishedVersion { get; private set; }

    public PostEditorChoices Choices { get; private set; } = null!;

    public bool CanPublish { get; private set; }

    public bool CanDelete { get; private set; }

    public bool CanPreview { get; private set; }

    public bool CanUploadMedia { get; private set; }

    /// Set when the save was refused because someone else saved meanwhile.
    public string? Conflict { get; private set; }

    public bool IsNew => Id == NewId;

    /// The version waiting to go live on its schedule, if any.
    public ContentItem? Scheduled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromServices] PostEditorChoices choices, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is not null)
        {
            Form = await editor.FormOfAsync(Latest, Scheduled?.ScheduledPublishUtc, cancellationToken);
        }

        return await ShowAsync(choices, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, [FromServices] PostEditorChoices choices, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        if (await SaveAsync(autosave: false, scheduleUtc: null, cancellationToken) is not { } saved)
        {
            return await ShowAsync(choices, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Message = Scheduled is not null ? "Draft saved. The scheduled version still goes live on time; schedule again to include these changes."
            : PublishedVersion is null ? "Draft saved."
            : "Draft saved. Readers still see the published version until you publish.";
        return Redirect($"/admin/posts/{saved.ContentItemId}");
    }

    /// Publishes now, or schedules when the publish date is in the future.
    public async Task<IActionResult> OnPostPublishAsync(
        string id, [FromServices] PostEditorChoices choices, [FromServices] TimeProvider clock, [FromServices] SiteSettingsStore settings,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanPublish)
        {
            ModelState.AddModelError("", "You can save drafts of this post but not publish it; an editor will publish it for you.");
            return await ShowAsync(choices, cancellationToken);
        }

        var site = await settings.GetAsync(cancellationToken);
        // A time the zone skips (clocks going forward) is reported by the form checks, not converted.
        var whenUtc = Form.PublishDate is { } local && !site.Skips(local) ? site.ToUtc(local) : (DateTime?)null;
        var future = whenUtc > clock.GetUtcNow().UtcDateTime;
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        if (await SaveAsync(autosave: false, future ? whenUtc : null, cancellationToken) is not { } saved)
        {
            return await ShowAsync(choices, cancellationToken);
        }

        if (!future)
        {
            try
            {
                await store.PublishAsync(saved.ContentItemId, cancellationToken: cancellationToken);
            }
            catch (ContentConflictException e)
            {
                await transaction.RollbackAsync(cancellationToken);
                ModelState.AddModelError($"{nameof(Form)}.{nameof(PostForm.Slug)}", e.Message);
                Form.ConcurrencyStamp = Latest?.ConcurrencyStamp;
                return await ShowAsync(choices, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        Message = future
            ? $"Scheduled: it goes live on {site.ShowTime(whenUtc!.Value, "d MMMM yyyy 'at' HH:mm", nameZone: true)}."
            : "Published.";
        return Redirect($"/admin/posts/{saved.ContentItemId}");
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanPublish)
        {
            return Forbid();
        }

        await store.UnpublishAsync(Latest.ContentItemId, cancellationToken);
        Message = "Unpublished: readers no longer see this post.";
        return Redirect($"/admin/posts/{Latest.ContentItemId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanDelete)
        {
            return Forbid();
        }

        await store.DeleteAsync(Latest.ContentItemId, cancellationToken);
        TempData["Message"] = $"Deleted '{Latest.DisplayText}'.";
        return Redirect("/admin/content");
    }

    /// Saves the draft (as an autosave, so previews do not crowd the history) and opens it in the theme.
    public async Task<IActionResult> OnPostPreviewAsync(string id, [FromServices] PostEditorChoices choices, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanPreview)
        {
            return Forbid();
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        if (await SaveAsync(autosave: true, scheduleUtc: null, cancellationToken) is not { } saved)
        {
            return await ShowAsync(choices, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/admin/preview/{saved.ContentItemId}");
    }

    /// The editor's autosave: JSON in, JSON out, never creating tags (half-typed names would become tags).
    public async Task<IActionResult> OnPostAutosaveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(autosave: true, scheduleUtc: null, cancellationToken);
        if (saved is null)
        {
            return Conflict is not null
                ? new ObjectResult(new { message = Conflict, stamp = Form.ConcurrencyStamp }) { StatusCode = StatusCodes.Status409Conflict }
                : new UnprocessableEntityObjectResult(new
                {
                    errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
                        .ToDictionary(e => e.Key, e => e.Value!.Errors[0].ErrorMessage),
                });
        }

        await transaction.CommitAsync(cancellationToken);
        return new JsonResult(new
        {
            id = saved.ContentItemId,
            stamp = saved.ConcurrencyStamp,
            url = $"/admin/posts/{saved.ContentItemId}",
            savedAt = saved.ModifiedUtc,
        });
    }

    /// Cancels the schedule; the scheduled version stays in the history as a draft.
    public async Task<IActionResult> OnPostUnscheduleAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanPublish)
        {
            return Forbid();
        }

        Message = await drafts.UnscheduleAsync(Latest.ContentItemId, cancellationToken) ? "Schedule cancelled: nothing will be published automatically." : "The post was not scheduled.";
        return Redirect($"/admin/posts/{Latest.ContentItemId}");
    }

    /// The live preview: the body rendered by the public site's own (sanitizing) Markdown renderer.
    public ContentResult OnPostMarkdown(string? markdown, [FromServices] MarkdownRenderer renderer) =>
        Content(renderer.ToHtml(markdown), "text/html; charset=utf-8");

    /// Loads the item and the user's permissions on it; returns the response when the user may not edit it.
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!IsNew)
        {
            Latest = await store.GetLatestAsync(id, cancellationToken);
            if (Latest is null || Latest.ContentType != BlogContentDefinitions.BlogPost)
            {
                return NotFound();
            }

            PublishedVersion = Latest.Published ? Latest : await store.GetPublishedAsync(id, cancellationToken);
            Scheduled = await drafts.ScheduledVersionAsync(id, cancellationToken);
        }

        var subject = Latest ?? new ContentItem { Owner = userId };
        if (!await permissions.CanAsync(User, AdminPermissions.EditContent, AdminPermissions.EditOwnContent, subject))
        {
            return Forbid();
        }

        CanPublish = await permissions.CanAsync(User, AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent, subject);
        CanDelete = Latest is not null && await permissions.CanAsync(User, AdminPermissions.DeleteContent, AdminPermissions.DeleteOwnContent, subject);
        CanPreview = await permissions.CanAsync(User, AdminPermissions.PreviewContent, AdminPermissions.PreviewOwnContent, subject);
        CanUploadMedia = await permissions.CanAsync(User, AdminPermissions.ManageMediaContent, AdminPermissions.ManageOwnMedia, new ContentItem { Owner = userId });
        return null;
    }

    /// Checks and saves the form as the latest version; null (with the reasons in ModelState) when it cannot.
    private async Task<ContentItem?> SaveAsync(bool autosave, DateTime? scheduleUtc, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return null;
        }

        var contentItemId = Latest?.ContentItemId ?? ContentItemIdGenerator.NewId();
        foreach (var problem in await checks.ProblemsAsync(Form, contentItemId, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        ContentItem version;
        try
        {
            version = await editor.BuildAsync(Form, Latest, contentItemId, userId, createTags: !autosave, cancellationToken);
        }
        catch (TaxonomyEditException e)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(PostForm.Tags)}", e.Message);
            return null;
        }

        PublishLaterPart.Set(version.Content, scheduleUtc);
        try
        {
            return await drafts.SaveAsync(version, Latest is null ? null : Form.ConcurrencyStamp, User.Identity?.Name ?? "", autosave, cancellationToken);
        }
        catch (ContentVersionConflictException e)
        {
            Conflict = e.Message;
            ModelState.Remove($"{nameof(Form)}.{nameof(PostForm.ConcurrencyStamp)}");
            Form.ConcurrencyStamp = e.CurrentStamp;
            return null;
        }
    }

    private async Task<PageResult> ShowAsync(PostEditorChoices choices, CancellationToken cancellationToken)
    {
        Choices = await choices.LoadAsync(cancellationToken);
        return Page();
    }
}
