using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Cms.Admin.Pages.Admin;

/// /login. One message for every failure (unknown user, wrong password, disabled account), and the same work for each
/// (a password hash is checked even when there is no account), so neither the form nor its timing tells which user
/// names exist. Attempts per address are limited, and repeated failures at one account from one address are slowed
/// (<see cref="SignInThrottle"/>) instead of locking the account, which would let anyone keep its owner out; a browser
/// that has signed in to the account before is counted on its own (<see cref="KnownDevice"/>).
[AllowAnonymous]
[EnableRateLimiting(AdminModule.SignInRateLimit)]
public sealed class LoginModel(SignInManager<CmsUser> signIn, UserManager<CmsUser> users, SignInThrottle throttle, KnownDevice devices) : PageModel
{
    public const string FailureMessage = "The user name or password is not right.";

    /// A hash no password matches, checked when there is no account to check, made once with the site's hasher.
    private static string? absentPasswordHash;

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

        var address = devices.SourceOf(HttpContext, Input.UserName);
        if (await throttle.WaitForAsync(Input.UserName, address) is { } wait)
        {
            Error = $"Too many failed attempts at this account from here: try again in {Math.Ceiling(wait.TotalSeconds):0} seconds, or set a new password with the link from “Forgot your password?”.";
            return Page();
        }

        await throttle.FailedAsync(Input.UserName, address);
        var user = await users.FindByNameAsync(Input.UserName);
        if (user is { IsEnabled: true, PasswordHash: not null })
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await throttle.SucceededAsync(Input.UserName, address);
                devices.Remember(HttpContext, Input.UserName);
                // Only local addresses: a returnUrl pointing elsewhere would make this page an open redirect.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? LocalRedirectAddress.Escape(ReturnUrl!) : Url.Page("/Admin/Index")!);
            }
        }
        else
        {
            absentPasswordHash ??= users.PasswordHasher.HashPassword(new CmsUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            users.PasswordHasher.VerifyHashedPassword(new CmsUser(), absentPasswordHash, Input.Password);
        }

        Error = FailureMessage;
        return Page();
    }
}
