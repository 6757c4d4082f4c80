using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Users;

/// Every user with their roles, and a form to create one.
[Authorize(Policy = AdminPermissions.ManageUsers)]
public sealed class UsersModel(UserManager<CmsUser> users, RoleManager<CmsRole> roles) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoleChoices { get; private set; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await roles.RoleExistsAsync(Input.Role))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewUserInput.Role)}", "Choose a role from the list.");
        }

        if (ModelState.IsValid)
        {
            var user = new CmsUser { UserName = Input.UserName.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role);
                Message = $"Created {user.UserName}.";
                Input = new NewUserInput();
                ModelState.Clear();
            }
            else
            {
                foreach (var error in created.Errors)
                {
                    var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(NewUserInput.Password)
                        : error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(NewUserInput.Email) : nameof(NewUserInput.UserName);
                    ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
                }
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.UserName ?? "", user.Email, await users.GetRolesAsync(user), user.IsEnabled));
        }

        Users = rows;
        RoleChoices = [.. (await roles.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync())
            .Where(r => r is not ("Anonymous" or "Authenticated")).Order(StringComparer.Ordinal).Select(r => new SelectListItem(r, r))];
    }

    public sealed record UserRow(string Id, string UserName, string? Email, IList<string> Roles, bool IsEnabled);

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Give the user a name.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Give the user's e-mail address.")]
        [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Give the user a first password.")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = "";
    }
}
