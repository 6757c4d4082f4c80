using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// /account/accept (an invitation) and /account/reset (a forgotten password): the holder of a good link chooses a
/// password and is signed in. The link works once; setting the password changes the security stamp, which ends the
/// link, every other link sent before, and every session.
[AllowAnonymous]
[EnableRateLimiting(AdminModule.SignInRateLimit)]
public sealed class ChoosePasswordModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, AccountTokens tokens) : PageModel
{
    public const string BadLinkMessage = "This link has expired, was already used, or was replaced by a newer one.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [Display(Name = "New password")]
    public string? Password { get; set; }

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [Display(Name = "Repeat the password")]
    public string? ConfirmPassword { get; set; }

    public bool IsInvitation { get; private set; }

    public string? UserName { get; private set; }

    public bool LinkIsGood { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind)
    {
        LinkIsGood = await FindAsync(kind) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind)
    {
        var user = await FindAsync(kind);
        LinkIsGood = user is not null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        await tokens.ForgetAsync(user, Purpose(kind));
        if (IsInvitation && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin");
    }

    private static AccountLinkPurpose Purpose(string kind) =>
        kind == "accept" ? AccountLinkPurpose.Invitation : AccountLinkPurpose.PasswordReset;

    private async Task<CmsUser?> FindAsync(string kind)
    {
        IsInvitation = kind == "accept";
        if (string.IsNullOrEmpty(UserId) || await users.FindByIdAsync(UserId) is not { IsEnabled: true } user
            || await tokens.CheckAsync(user, Purpose(kind), Token) is null)
        {
            return null;
        }

        UserName = user.UserName;
        return user;
    }
}
