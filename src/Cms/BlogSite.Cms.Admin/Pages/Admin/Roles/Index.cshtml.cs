using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Roles;

/// /admin/roles: every role with how many permissions it holds; create a role, delete one the site does not need.
[Authorize(Policy = AdminPermissions.ManageRoles)]
public sealed class RolesModel(RoleManager<CmsRole> roles, RolePermissions permissions, RoleEditor editor) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewDescription { get; set; }

    public IReadOnlyList<(CmsRole Role, int Permissions)> Roles { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            var role = await editor.CreateAsync(NewName ?? "", NewDescription);
            Message = $"Created the role “{role.Name}”. Choose its permissions below.";
            return RedirectToPage("/Admin/Roles/Edit", new { name = role.Name });
        }
        catch (ContentEditException e)
        {
            ModelState.AddModelError(nameof(NewName), e.Message);
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name)
    {
        try
        {
            await editor.DeleteAsync(name);
            Message = $"Deleted the role “{name}”; its users no longer have it.";
            return RedirectToPage();
        }
        catch (ContentEditException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync();
            return Page();
        }
    }

    public static bool IsSystem(CmsRole role) => RoleNames.System.Contains(role?.Name ?? "", StringComparer.OrdinalIgnoreCase);

    private async Task LoadAsync()
    {
        var list = new List<(CmsRole, int)>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync())
        {
            list.Add((role, (await permissions.OfAsync(role.Name!)).Count));
        }

        Roles = list;
    }
}
