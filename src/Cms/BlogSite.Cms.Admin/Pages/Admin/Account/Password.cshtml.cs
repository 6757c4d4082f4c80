using System.ComponentModel.DataAnnotations;
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
    public PasswordInput Input { get; set; } = new();

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
                var field = error.Code == "PasswordMismatch" ? $"{nameof(Input)}.{nameof(PasswordInput.CurrentPassword)}" : $"{nameof(Input)}.{nameof(PasswordInput.NewPassword)}";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "This is not your current password." : error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Changed = true;
        Input = new PasswordInput();
        return Page();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        [Display(Name = "Repeat the new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
