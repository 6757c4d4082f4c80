using System.Security.Claims;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// /account/confirm-email: a user's new address takes effect only once its owner follows the link sent to it. Opening
/// the link shows a button, so a mail scanner fetching the link changes nothing.
[AllowAnonymous]
[EnableRateLimiting(AdminModule.SignInRateLimit)]
public sealed class ConfirmEmailModel(UserManager<CmsUser> users, SignInManager<CmsUser> signIn, AccountTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? NewEmail { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await FindAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not { } user)
        {
            return Page();
        }

        // Another account may have taken the address since the link was sent.
        if (await users.IsEmailTakenAsync(NewEmail!, user.Id, HttpContext.RequestAborted))
        {
            ModelState.AddModelError("", "Another account uses this address now; yours stays as it was.");
            return Page();
        }

        var result = await users.SetEmailAsync(user, NewEmail);
        if (result.Succeeded)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await tokens.ForgetAsync(user, AccountLinkPurpose.EmailChange);
            Confirmed = true;
            // The change renews the security stamp; the owner's own session carries on with the new one.
            if (User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id)
            {
                await signIn.RefreshSignInAsync(user);
            }
        }
        else
        {
            ModelState.AddModelError("", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return Page();
    }

    private async Task<CmsUser?> FindAsync()
    {
        if (string.IsNullOrEmpty(UserId) || await users.FindByIdAsync(UserId) is not { IsEnabled: true } user
            || await tokens.CheckAsync(user, AccountLinkPurpose.EmailChange, Token) is not { Length: > 0 } email)
        {
            return null;
        }

        NewEmail = email;
        return user;
    }
}
