using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Roles;

/// /admin/roles/{name}: the role's description and its permissions, grouped by the module that declares them.
[Authorize(Policy = AdminPermissions.ManageRoles)]
public sealed class EditRoleModel(RoleManager<CmsRole> roles, RolePermissions held, RoleEditor editor, PermissionCatalog catalog) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public CmsRole Role { get; private set; } = null!;

    public IReadOnlySet<string> Held { get; private set; } = new HashSet<string>();

    public IReadOnlyList<IGrouping<string, PermissionDescriptor>> Groups => catalog.Groups();

    public bool IsAdministrator => Role.Name == RoleNames.Administrator;

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        Description = Role.Description;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        try
        {
            await editor.SetAsync(name, Description, Permissions);
            Message = $"Saved the permissions of “{name}”.";
            return RedirectToPage(new { name });
        }
        catch (ContentEditException e)
        {
            ModelState.AddModelError("", e.Message);
            Held = Permissions.ToHashSet(StringComparer.Ordinal);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string name)
    {
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return false;
        }

        Role = role;
        Held = await held.OfAsync(role.Name!);
        return true;
    }
}
