using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.ContentTypes;

/// /admin/content-types: every type with its parts and fields, and a form to create one.
[Authorize(Policy = AdminPermissions.EditContentTypes)]
public sealed class ContentTypesModel(ContentDefinitionStore definitions, ContentTypeEditor types) : PageModel
{
    public ContentDefinitionDocument Definitions { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Definitions = await definitions.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(ContentTypeForm type, string[]? parts, CancellationToken cancellationToken)
    {
        try
        {
            var name = await types.CreateAsync(type, parts ?? [], cancellationToken);
            return RedirectToPage("/Admin/ContentTypes/Edit", new { name });
        }
        catch (ContentDefinitionException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            Definitions = await definitions.GetAsync(cancellationToken);
            return Page();
        }
    }
}
