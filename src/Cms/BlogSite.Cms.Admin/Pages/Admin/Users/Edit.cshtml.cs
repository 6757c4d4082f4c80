using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Users;

/// One user's roles, whether they can sign in, and a password reset. Disabling or resetting changes the security
/// stamp, which ends the user's sessions.
[Authorize(Policy = AdminPermissions.ManageUsers)]
public sealed class EditUserModel(UserManager<CmsUser> users, RoleManager<CmsRole> roles, AccountMail mail) : PageModel
{
    public string UserName { get; private set; } = "";

    public IList<string> Roles { get; private set; } = [];

    public IReadOnlyList<string> AllRoles { get; private set; } = [];

    public bool IsEnabled { get; private set; }

    /// Invited and not yet accepted: no password is set.
    public bool IsInvited { get; private set; }

    public string? Email { get; private set; }

    public string? Message { get; private set; }

    public string? PasswordError { get; private set; }

    public string? LinkError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await users.FindByIdAsync(id) is { } user ? await ShowAsync(user) : NotFound();

    public async Task<IActionResult> OnPostAccessAsync(string id, string[]? roles, bool enabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var wanted = (roles ?? []).Where(r => AllRoleNames().Contains(r)).ToList();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        if (user.IsEnabled != enabled)
        {
            user.IsEnabled = enabled;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        Message = "Saved.";
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(password))
        {
            PasswordError = "Enter the new password.";
            return await ShowAsync(user);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            Message = "The password is set; the user's sessions end within a minute.";
        }
        else
        {
            PasswordError = string.Join(" ", result.Errors.Select(e => e.Description));
        }

        return await ShowAsync(user);
    }

    /// E-mails the user a fresh link: the invitation again while they have no password, a reset link otherwise. Earlier
    /// links of the same kind stop working.
    public async Task<IActionResult> OnPostSendLinkAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (!user.IsEnabled)
        {
            LinkError = $"{user.UserName} cannot sign in (disabled): enable the account first, or the link would not work.";
            return await ShowAsync(user);
        }

        try
        {
            var root = await mail.LinkRootAsync(Request);
            if (user.PasswordHash is null)
            {
                await mail.SendInvitationAsync(user, User.Identity?.Name ?? "An administrator", root, HttpContext.RequestAborted);
                Message = $"A new invitation is on its way to {user.Email}.";
            }
            else
            {
                await mail.SendPasswordResetAsync(user, root, HttpContext.RequestAborted);
                Message = $"A link to choose a new password is on its way to {user.Email}.";
            }
        }
        catch (EmailSendException e)
        {
            LinkError = e.Message;
        }

        return await ShowAsync(user);
    }

    private HashSet<string> AllRoleNames() =>
        [.. roles.Roles.AsNoTracking().Select(r => r.Name!).AsEnumerable().Where(r => r is not ("Anonymous" or "Authenticated"))];

    private async Task<IActionResult> ShowAsync(CmsUser user)
    {
        UserName = user.UserName ?? "";
        Roles = await users.GetRolesAsync(user);
        IsEnabled = user.IsEnabled;
        IsInvited = user.PasswordHash is null;
        Email = user.Email;
        AllRoles = [.. AllRoleNames().Order(StringComparer.Ordinal)];
        return Page();
    }
}
