using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// Any signed-in user changes their own password; Identity's rules explain themselves next to the field.
[Authorize]
public sealed class PasswordModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Input { get; set; } = new();

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? $"{nameof(Input)}.{nameof(PasswordForm.CurrentPassword)}" : $"{nameof(Input)}.{nameof(PasswordForm.NewPassword)}";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "This is not your current password." : error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Changed = true;
        Input = new PasswordForm();
        return Page();
    }
}
