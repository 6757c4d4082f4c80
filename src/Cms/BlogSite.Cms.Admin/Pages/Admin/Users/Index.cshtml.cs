using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Users;

/// Every user with their roles, and a form to invite one: the invitee gets an e-mail with a single-use link and
/// chooses their own password, so no administrator ever knows it.
[Authorize(Policy = AdminPermissions.ManageUsers)]
public sealed class UsersModel(UserManager<CmsUser> users, RoleManager<CmsRole> roles, AccountMail mail, EmailSender email) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<SelectListItem> RoleChoices { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool EmailUsesServer => email.UsesServer;

    public string EmailDropFolder => email.DropFolder;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.Role = await LeastPrivilegedRoleAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await roles.RoleExistsAsync(Input.Role) || Input.Role is RoleNames.Anonymous or RoleNames.Authenticated)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewUserInput.Role)}", "Choose a role from the list.");
        }

        var email = EmailSender.AddressIn(Input.Email);
        if (email is not null && await users.IsEmailTakenAsync(email, cancellationToken: HttpContext.RequestAborted))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewUserInput.Email)}", "Another account uses this address.");
        }

        if (ModelState.IsValid)
        {
            var user = new CmsUser
            {
                UserName = Input.UserName.Trim(),
                Email = email,
                DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(),
            };
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role);
                try
                {
                    await mail.SendInvitationAsync(user, User.Identity?.Name ?? "An administrator", await mail.LinkRootAsync(Request), HttpContext.RequestAborted);
                    Message = $"Invited {user.UserName}: an e-mail to {user.Email} carries a link to choose a password.";
                }
                catch (EmailSendException e)
                {
                    Error = $"{user.UserName} is created, but the invitation was not sent. {e.Message} Send it again from their page once e-mail works.";
                }

                Input = new NewUserInput { Role = await LeastPrivilegedRoleAsync() };
                ModelState.Clear();
            }
            else
            {
                foreach (var error in created.Errors)
                {
                    var field = error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(NewUserInput.Email) : nameof(NewUserInput.UserName);
                    ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
                }
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.UserName ?? "", user.DisplayName, user.Email, await users.GetRolesAsync(user), Status(user)));
        }

        Users = rows;
        RoleChoices = [.. (await AssignableRolesAsync()).Select(r => new SelectListItem(r.Name, r.Name))];
    }

    private static string Status(CmsUser user) =>
        !user.IsEnabled ? "Disabled" : user.PasswordHash is null ? "Invited" : "Enabled";

    private async Task<List<CmsRole>> AssignableRolesAsync() =>
        [.. (await roles.Roles.AsNoTracking().ToListAsync())
            .Where(r => r.Name is not (RoleNames.Anonymous or RoleNames.Authenticated))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// The role holding the fewest permissions, so a slip of the hand never makes someone an administrator (who holds
    /// every permission without storing any).
    private async Task<string> LeastPrivilegedRoleAsync()
    {
        string? least = null;
        var fewest = int.MaxValue;
        foreach (var role in (await AssignableRolesAsync()).Where(r => r.Name != RoleNames.Administrator))
        {
            var held = (await roles.GetClaimsAsync(role)).Count(c => c.Type == CmsRole.PermissionClaimType);
            if (held < fewest)
            {
                (least, fewest) = (role.Name, held);
            }
        }

        return least ?? "";
    }

    public sealed record UserRow(string Id, string UserName, string? DisplayName, string? Email, IList<string> Roles, string Status);

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Give the user a name to sign in with.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [StringLength(100, ErrorMessage = "Keep the display name under 100 characters.")]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Give the user's e-mail address: the invitation goes there.")]
        [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = "";
    }
}
