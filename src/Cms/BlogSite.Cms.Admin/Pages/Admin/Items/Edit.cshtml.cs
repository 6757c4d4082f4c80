using System.Security.Claims;
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
    ContentEditorForms forms, ContentItemEditor editor, ContentStore store, ContentPermissionCheck permissions, HomeRoute home) : PageModel
{
    public const string NewId = "new";

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? Stamp { get; set; }

    [TempData]
    public string? Message { get; set; }

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
            Form, Latest, Values, Stamp, intent, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", cancellationToken);
        if (result.Succeeded)
        {
            Message = result.Outcome == ContentSaveOutcome.Published ? "Published." : "Draft saved.";
            return RedirectToPage(new { id = result.Item!.ContentItemId, type = (string?)null });
        }

        foreach (var (key, problem) in result.Problems)
        {
            ModelState.AddModelError($"Values[{key}]", problem);
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
        CanSetHomepage = form.ShowsHomepageOption && await permissions.CanAsync(User, AdminPermissions.ManageSettings, AdminPermissions.ManageSettings, subject);
        return null;
    }
}
