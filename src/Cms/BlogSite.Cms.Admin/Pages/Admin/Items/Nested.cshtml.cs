using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Items;

/// /admin/items/{id}/nested/{part}/{index} (index "new" with ?type=…): an item held in a BagPart or FlowPart, edited
/// with the editor its type gets; moving and removing held items is posted here too. Every change is a new version
/// of the holding item, checked like an edit of it (and like a publish when its type is not drafted).
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class NestedItemModel(ContentEditorForms forms, NestedItemEditor nested, ContentStore store, ContentPermissionCheck permissions) : PageModel
{
    // Named, so a post without values (a move) binds nothing rather than falling back to the route's values.
    [BindProperty(Name = nameof(Values))]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? Stamp { get; set; }

    public ContentItem Holder { get; private set; } = null!;

    public ContentEditorForm HolderForm { get; private set; } = null!;

    public ContentEditorForm Form { get; private set; } = null!;

    public ContentItem? Item { get; private set; }

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string part, string index, string? type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, part, index, type, cancellationToken) is { } refused)
        {
            return refused;
        }

        Values = Form.Inputs.ToDictionary(i => i.Key, i => i.Value);
        Stamp = Holder.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, string part, string index, string? type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, part, index, type, cancellationToken) is { } refused)
        {
            return refused;
        }

        PostedChoices.Collect(Request.Form, nameof(Values), Values);
        var result = await nested.SaveAsync(HolderForm, Holder, part, IndexOf(index), Form, Values, Stamp, User.Identity?.Name ?? "", cancellationToken);
        return Done(result, $"Saved “{Form.Type.DisplayName ?? Form.Type.Name}”.");
    }

    public async Task<IActionResult> OnPostMoveAsync(string id, string part, string index, int offset, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, part, index, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Done(await nested.MoveAsync(HolderForm, Holder, part, IndexOf(index) ?? -1, offset, Stamp, User.Identity?.Name ?? "", cancellationToken), "Order saved.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, string part, string index, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, part, index, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Done(await nested.RemoveAsync(HolderForm, Holder, part, IndexOf(index) ?? -1, Stamp, User.Identity?.Name ?? "", cancellationToken), "Removed.");
    }

    private IActionResult Done(ContentSaveResult result, string message)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = HolderForm.Draftable ? $"{message} Publish the item to show it to readers." : message;
            return RedirectToPage("/Admin/Items/Edit", new { id = Holder.ContentItemId });
        }

        foreach (var (key, problem) in result.Problems)
        {
            ModelState.AddModelError(key == "Index" ? "" : $"Values[{key}]", problem);
        }

        if (result.Outcome == ContentSaveOutcome.Conflict)
        {
            Conflict = result.ConflictMessage;
            ModelState.Remove(nameof(Stamp));
            Stamp = result.CurrentStamp;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, string part, string index, string? type, CancellationToken cancellationToken)
    {
        if (await store.GetLatestAsync(id, cancellationToken) is not { } holder
            || await forms.ForAsync(holder.ContentType, holder, cancellationToken) is not { } holderForm
            || (index != EditItemModel.NewId && IndexOf(index) is null)
            || await nested.FormAsync(holderForm, holder, part, IndexOf(index), type, cancellationToken) is not var (form, item))
        {
            return NotFound();
        }

        var allowed = await permissions.CanAsync(User, AdminPermissions.EditContent, AdminPermissions.EditOwnContent, holder)
            && (holderForm.Draftable || await permissions.CanAsync(User, AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent, holder));
        if (!allowed)
        {
            return Forbid();
        }

        (Holder, HolderForm, Form, Item) = (holder, holderForm, form, item);
        return null;
    }

    private static int? IndexOf(string index) =>
        int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null;
}
