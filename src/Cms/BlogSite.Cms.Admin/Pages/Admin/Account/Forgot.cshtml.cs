using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Content.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// /account/forgot: sends a reset link to the address of an enabled user. The answer is the same, and as quick, whether
/// or not the address belongs to anyone (the lookup and the mail happen after it, in <see cref="PasswordResetMailer"/>),
/// so the form tells nobody which addresses have accounts; posts count towards the sign-in rate limit.
[AllowAnonymous]
[EnableRateLimiting(AdminModule.SignInRateLimit)]
public sealed class ForgotModel(PasswordResetMailer queue, AccountMail mail) : PageModel
{
    public const string SentMessage = "If an account uses this address, a message with a link to choose a new password is on its way. The link works once, for two hours.";

    [BindProperty]
    [Required(ErrorMessage = "Enter the e-mail address of your account.")]
    [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
    [Display(Name = "E-mail address")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (EmailSender.AddressIn(Email) is { } address)
        {
            queue.Enqueue(address, await mail.LinkRootAsync(Request));
        }

        Sent = true;
        return Page();
    }
}
