using System.Security.Claims;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Items;

/// /admin/items/{id} (and /admin/items/new?type=…): the editor every type gets, built from its definition. Saves go
/// through the same drafts, versions and conflict checks as the post editor; each action checks its permission.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class EditItemModel(
    ContentEditorForms forms, ContentItemEditor editor, ContentStore store, ContentDrafts drafts, ContentPermissionCheck permissions, HomeRoute home,
    ContentDependents dependents, IEnumerable<ContentPreviewPage> previews) : PageModel
{
    public const string NewId = "new";

    // Named, so a post without values binds nothing rather than falling back to the route's values.
    [BindProperty(Name = nameof(Values))]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? Stamp { get; set; }

    /// When publishing should happen, in the site's time zone; empty or past for now.
    [BindProperty]
    public DateTime? PublishAt { get; set; }

    /// The version waiting to go live on its schedule, if any.
    public ContentItem? Scheduled { get; private set; }

    /// The page that draws a version as readers would see it, when a module offers one.
    public string? PreviewPage { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// Why an unpublish or delete was refused: what depends on the item.
    [TempData]
    public string? Refusal { get; set; }

    public ContentEditorForm Form { get; private set; } = null!;

    public ContentItem? Latest { get; private set; }

    public bool CanPublish { get; private set; }

    public bool CanDelete { get; private set; }

    public string? Conflict { get; private set; }

    /// The type offers "Set as home page" (its Autoroute settings say so) and the user may change the site's settings.
    public bool CanSetHomepage { get; private set; }

    public bool IsHomepage => Latest is not null && Form.Site.HomeContentItemId == Latest.ContentItemId;

    public async Task<IActionResult> OnGetAsync(string id, string? type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, type, cancellationToken) is { } refused)
        {
            return refused;
        }

        Values = Form.Inputs.ToDictionary(i => i.Key, i => i.Value);
        Stamp = Latest?.ConcurrencyStamp;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, string? type, CancellationToken cancellationToken) =>
        SaveAsync(id, type, ContentSaveIntent.Draft, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, string? type, CancellationToken cancellationToken) =>
        SaveAsync(id, type, ContentSaveIntent.Publish, cancellationToken);

    /// Saves the draft (as an autosave, so previews do not crowd the history) and opens it in the theme.
    public Task<IActionResult> OnPostPreviewAsync(string id, string? type, CancellationToken cancellationToken) =>
        SaveAsync(id, type, ContentSaveIntent.Preview, cancellationToken);

    /// Cancels the schedule; the scheduled version stays in the history.
    public async Task<IActionResult> OnPostUnscheduleAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanPublish)
        {
            return Forbid();
        }

        await drafts.UnscheduleAsync(Latest.ContentItemId, cancellationToken);
        Message = "Schedule cancelled: the version stays a draft.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanPublish)
        {
            return Forbid();
        }

        if (await dependents.RefusalAsync(Latest, "unpublished", cancellationToken) is { } refusal)
        {
            Refusal = refusal;
            return RedirectToPage(new { id });
        }

        await store.UnpublishAsync(Latest.ContentItemId, cancellationToken);
        Message = "Unpublished: readers no longer see it.";
        return RedirectToPage(new { id });
    }

    /// Makes this published item the site's home page, as Orchard Core's "Set as home page" does.
    public async Task<IActionResult> OnPostHomeAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is not { Published: true } || !CanSetHomepage)
        {
            return Forbid();
        }

        await home.SetAsync(Latest.ContentItemId, cancellationToken);
        Message = $"'{Latest.DisplayText}' is now the home page.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Latest is null || !CanDelete)
        {
            return Forbid();
        }

        if (await dependents.RefusalAsync(Latest, "deleted", cancellationToken) is { } refusal)
        {
            Refusal = refusal;
            return RedirectToPage(new { id });
        }

        await store.DeleteAsync(Latest.ContentItemId, cancellationToken);
        Message = $"Deleted '{Latest.DisplayText}'.";
        return RedirectToPage("/Admin/Content/Index");
    }

    private async Task<IActionResult> SaveAsync(string id, string? type, ContentSaveIntent intent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, type, cancellationToken) is { } refused)
        {
            return refused;
        }

        if ((intent == ContentSaveIntent.Publish || !Form.Draftable) && !CanPublish)
        {
            ModelState.AddModelError("", "You can save drafts of this item but not publish it; an editor will publish it for you.");
            return Page();
        }

        PostedChoices.Collect(Request.Form, nameof(Values), Values);
        var result = await editor.SaveAsync(
            Form, Latest, Values, Stamp, intent, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", PublishAt, cancellationToken);
        if (result.Succeeded && intent == ContentSaveIntent.Preview && PreviewPage is not null)
        {
            return RedirectToPage(PreviewPage, new { id = result.Item!.ContentItemId });
        }

        if (result.Succeeded)
        {
            Message = result.Outcome switch
            {
                ContentSaveOutcome.Published => "Published.",
                ContentSaveOutcome.Scheduled => $"Scheduled: it goes live on {Form.Site.ShowTime(result.ScheduledUtc!.Value, "d MMMM yyyy 'at' HH:mm", nameZone: true)}.",
                _ => "Draft saved.",
            };
            return RedirectToPage(new { id = result.Item!.ContentItemId, type = (string?)null });
        }

        foreach (var (key, problem) in result.Problems)
        {
            ModelState.AddModelError(key == ContentItemEditor.PublishAtKey ? nameof(PublishAt) : $"Values[{key}]", problem);
        }

        if (result.Outcome == ContentSaveOutcome.Conflict)
        {
            Conflict = result.ConflictMessage;
            ModelState.Remove(nameof(Stamp));
            Stamp = result.CurrentStamp;
        }

        return Page();
    }

    /// Loads the item (or the type of a new one) and the user's permissions on it; the response when refused.
    private async Task<IActionResult?> LoadAsync(string id, string? type, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Latest = id == NewId ? null : await store.GetLatestAsync(id, cancellationToken);
        if ((id != NewId && Latest is null) || await forms.ForAsync(Latest?.ContentType ?? type ?? "", Latest, cancellationToken) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        var subject = Latest ?? new ContentItem { Owner = userId };
        if (!await permissions.CanAsync(User, AdminPermissions.EditContent, AdminPermissions.EditOwnContent, subject))
        {
            return Forbid();
        }

        CanPublish = await permissions.CanAsync(User, AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent, subject);
        CanDelete = Latest is not null && await permissions.CanAsync(User, AdminPermissions.DeleteContent, AdminPermissions.DeleteOwnContent, subject);
        Scheduled = Latest is null ? null : await drafts.ScheduledVersionAsync(Latest.ContentItemId, cancellationToken);
        PreviewPage = await permissions.CanAsync(User, AdminPermissions.PreviewContent, AdminPermissions.PreviewOwnContent, subject)
            ? previews.LastOrDefault()?.PageName
            : null;
        CanSetHomepage = form.ShowsHomepageOption && await permissions.CanAsync(User, AdminPermissions.ManageSettings, AdminPermissions.ManageSettings, subject);
        return null;
    }
}
