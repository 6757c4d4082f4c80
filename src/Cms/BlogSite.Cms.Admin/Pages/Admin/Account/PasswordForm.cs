using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// What the change-password form posts: the current password, and the new one twice.
public sealed class PasswordForm
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
