using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.ContentTypes;

/// /admin/content-types/{name}: a type's settings, parts, Autoroute pattern and fields. Each change is saved at once;
/// a refused one shows its reason next to the field of the form it came from.
[Authorize(Policy = AdminPermissions.EditContentTypes)]
public sealed class EditContentTypeModel(
    ContentDefinitionStore definitions, ContentTypeEditor types, ContentFieldEditor fields, TaxonomyQueries taxonomies) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public ContentTypeDefinition Type { get; private set; } = null!;

    public ContentPartDefinition? OwnPart { get; private set; }

    public IReadOnlyList<TaxonomySummary> Taxonomies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken) =>
        await LoadAsync(name, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpdateAsync(string name, ContentTypeForm type, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => types.UpdateAsync(name, type, cancellationToken), "Settings saved.", cancellationToken);

    public Task<IActionResult> OnPostAddPartAsync(string name, string partName, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => types.AddPartAsync(name, partName, cancellationToken), $"Added {partName}.", cancellationToken);

    public Task<IActionResult> OnPostRemovePartAsync(string name, string partName, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => types.RemovePartAsync(name, partName, cancellationToken), $"Removed {partName}; items keep what they stored in it.", cancellationToken);

    public Task<IActionResult> OnPostMovePartAsync(string name, string partName, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => types.MovePartAsync(name, partName, offset, cancellationToken), "Order saved.", cancellationToken);

    public Task<IActionResult> OnPostAutorouteAsync(string name, string? pattern, bool allowCustomPath, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => types.SetAutorouteAsync(name, pattern, allowCustomPath, cancellationToken), "Address settings saved.", cancellationToken);

    public Task<IActionResult> OnPostAddFieldAsync(string name, ContentFieldForm field, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => fields.AddAsync(name, field, cancellationToken), $"Added the field “{field?.DisplayName}”.", cancellationToken);

    public Task<IActionResult> OnPostUpdateFieldAsync(string name, string fieldName, ContentFieldForm field, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => fields.UpdateAsync(name, fieldName, field, cancellationToken), "Field saved.", cancellationToken);

    public Task<IActionResult> OnPostMoveFieldAsync(string name, string fieldName, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => fields.MoveAsync(name, fieldName, offset, cancellationToken), "Order saved.", cancellationToken);

    public Task<IActionResult> OnPostRemoveFieldAsync(string name, string fieldName, CancellationToken cancellationToken) =>
        ChangeAsync(name, () => fields.RemoveAsync(name, fieldName, cancellationToken),
            $"Removed the field {fieldName}; items keep its values until they are saved again.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string name, Func<Task> change, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await change();
            Message = message;
            return RedirectToPage(new { name });
        }
        catch (ContentDefinitionException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(name) is not { } type)
        {
            return false;
        }

        Type = type;
        OwnPart = document.Part(name);
        Taxonomies = await taxonomies.ListAsync(cancellationToken);
        return true;
    }
}
