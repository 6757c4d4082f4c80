using System.Security.Claims;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Menus;

/// /admin/menus/{id}: add, edit, reorder, nest and delete a menu's items, and rename the menu; /admin/menus/new
/// creates a menu. Changes are live at once: the theme draws the menu as saved.
[Authorize(Policy = AdminPermissions.ManageMenu)]
public sealed class EditMenuModel(MenuEditor editor, MenuTargets targets) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public MenuItemForm Input { get; set; } = new();

    [BindProperty]
    public string? MenuName { get; set; }

    [BindProperty]
    public string? MenuAlias { get; set; }

    public ContentItem? Menu { get; private set; }

    public IReadOnlyList<MenuRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    /// Which form failed ("menu", "add" or an item id), so its errors show next to its fields.
    public string? FailedForm { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorFor(string form, string field) =>
        FailedForm == form && ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        id == ContentEditor.NewId || await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(string id, CancellationToken cancellationToken)
    {
        string? created = null;
        var result = await editor.ChangeAsync(async () =>
        {
            created = await editor.CreateAsync(MenuName ?? "", MenuAlias, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
            return $"Created the menu “{MenuName!.Trim()}”. Add its items below.";
        }, cancellationToken);
        if (result.Succeeded)
        {
            Message = result.Message;
            return RedirectToPage(new { id = created });
        }

        return Refused("menu", result, id == ContentEditor.NewId || await LoadAsync(id, cancellationToken));
    }

    public Task<IActionResult> OnPostRenameAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "menu", async () =>
        {
            await editor.RenameAsync(id, MenuName ?? "", MenuAlias, cancellationToken);
            return "Saved the menu's name.";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "add", async () =>
        {
            await editor.AddItemAsync(id, Input.ToInput(), NullIfEmpty(Input.ParentId), cancellationToken);
            return $"Added “{Input.Text.Trim()}”.";
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, Input.ItemId ?? "", async () =>
        {
            var itemId = Input.ItemId ?? "";
            await editor.UpdateItemAsync(id, itemId, Input.ToInput(), cancellationToken);
            await editor.SetParentAsync(id, itemId, NullIfEmpty(Input.ParentId), cancellationToken);
            return $"Saved “{Input.Text.Trim()}”.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string id, string itemId, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, async () =>
        {
            await editor.MoveAsync(id, itemId, offset, cancellationToken);
            return "Order saved.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string id, string itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, itemId, async () =>
        {
            await editor.DeleteItemAsync(id, itemId, cancellationToken);
            return "Deleted the item and the items under it.";
        }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, string form, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        var result = await editor.ChangeAsync(change, cancellationToken);
        if (result.Succeeded)
        {
            Message = result.Message;
            return RedirectToPage(new { id });
        }

        return Refused(form, result, await LoadAsync(id, cancellationToken));
    }

    private IActionResult Refused(string form, ContentChange result, bool found)
    {
        FailedForm = form;
        Error = result.Error;
        ModelState.AddModelError(result.Field ?? "", result.Error!);
        return found ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await editor.GetAsync(id, cancellationToken) is not { } menu)
        {
            return false;
        }

        Menu = menu;
        var selected = MenuTree.All(menu).Select(MenuReader.SelectedItemOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Rows = MenuRow.Of(menu, await targets.PathsAsync(selected, cancellationToken));
        Suggestions = await targets.SuggestionsAsync(cancellationToken);
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
