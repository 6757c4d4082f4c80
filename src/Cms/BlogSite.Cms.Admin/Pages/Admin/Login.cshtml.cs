using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Cms.Admin.Pages.Admin;

/// /login. One message for every failure (unknown user, wrong password, disabled or locked account), so the form
/// never tells which user names exist; failures count towards Identity's lockout, and attempts per address are limited.
[AllowAnonymous]
[EnableRateLimiting(AdminModule.SignInRateLimit)]
public sealed class LoginModel(SignInManager<CmsUser> signIn, UserManager<CmsUser> users) : PageModel
{
    public const string FailureMessage = "The user name or password is not right, or the account is locked after too many attempts.";

    [BindProperty]
    public LoginForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName);
        if (user is { IsEnabled: true })
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                // Only local addresses: a returnUrl pointing elsewhere would make this page an open redirect.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? LocalRedirectAddress.Escape(ReturnUrl!) : Url.Page("/Admin/Index")!);
            }
        }

        Error = FailureMessage;
        return Page();
    }
}
