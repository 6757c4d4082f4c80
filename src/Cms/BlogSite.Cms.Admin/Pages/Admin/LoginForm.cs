using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Admin.Pages.Admin;

/// What the sign-in form posts.
public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your user name.")]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; set; }
}
