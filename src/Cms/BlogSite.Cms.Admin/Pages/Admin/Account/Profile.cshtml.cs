using System.ComponentModel.DataAnnotations;
using BlogSite.Cms.Admin.Accounts;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Email;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Account;

/// Any signed-in user's own profile: the name bylines show, a short bio for their author page, and their address,
/// which changes only once the new address confirms it.
[Authorize]
public sealed class ProfileModel(UserManager<CmsUser> users, AccountMail mail, EmailSender email, SiteChangeFeed changes, UserPictures pictures) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public string? UserName { get; private set; }

    public string? Message { get; private set; }

    public string? PictureUrl { get; private set; }

    public string? PictureError { get; private set; }

    public bool EmailUsesServer => email.UsesServer;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPictureAsync(IFormFile? picture)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (picture is null || picture.Length == 0)
        {
            PictureError = "Choose an image file for your picture.";
        }
        else
        {
            try
            {
                await using var content = picture.OpenReadStream();
                await pictures.SetAsync(user, content, picture.FileName, picture.Length, HttpContext.RequestAborted);
                await PeopleSeeChangeAsync(user);
                Message = "Your picture is saved.";
            }
            catch (MediaUploadException e)
            {
                PictureError = e.Message;
            }
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePictureAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        try
        {
            await pictures.RemoveAsync(user, HttpContext.RequestAborted);
            await PeopleSeeChangeAsync(user);
            Message = "Your picture is removed.";
        }
        catch (MediaUploadException e)
        {
            PictureError = e.Message;
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        PictureUrl = UserPictures.UrlOf(user);
        UserName = user.UserName;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim();
        user.Bio = string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio.Trim().ReplaceLineEndings("\n");
        await users.UpdateAsync(user);
        await PeopleSeeChangeAsync(user);
        Message = "Your profile is saved.";

        var newEmail = EmailSender.AddressIn(Input.Email) ?? "";
        if (!string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            // A session left open must not be enough to move the account to another address (and then reset its
            // password): the change asks for the password, and the old address hears of it.
            if (string.IsNullOrEmpty(Input.CurrentPassword) || !await users.CheckPasswordAsync(user, Input.CurrentPassword))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ProfileForm.CurrentPassword)}", "Enter your current password to change your address.");
                return Page();
            }

            if (await users.IsEmailTakenAsync(newEmail, user.Id, HttpContext.RequestAborted))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ProfileForm.Email)}", "Another account uses this address.");
                return Page();
            }

            try
            {
                await mail.SendEmailChangeAsync(user, newEmail, await mail.LinkRootAsync(Request), HttpContext.RequestAborted);
                await mail.SendEmailChangeNoticeAsync(user, newEmail, HttpContext.RequestAborted);
                Message = $"Your profile is saved. Your address changes to {newEmail} once you follow the link we sent there.";
            }
            catch (EmailSendException e)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ProfileForm.Email)}", $"Your address stays {user.Email}: the confirmation could not be sent. {e.Message}");
            }
        }

        return Page();
    }

    /// The form as stored (the picture forms post none of its fields).
    private void Show(CmsUser user)
    {
        ModelState.Clear();
        UserName = user.UserName;
        PictureUrl = UserPictures.UrlOf(user);
        Input = new ProfileForm { DisplayName = user.DisplayName, Bio = user.Bio, Email = user.Email };
    }

    /// Bylines and the author page show the name, bio and picture. Once saved, the pages are evicted even if the
    /// browser has gone, or they would point at a picture that no longer exists.
    private Task PeopleSeeChangeAsync(CmsUser user) =>
        changes.PublishAsync(new SiteChange(new HashSet<string>(StringComparer.Ordinal) { CacheTags.User(user.Id) }), CancellationToken.None);

    public sealed class ProfileForm
    {
        [StringLength(100, ErrorMessage = "Keep the display name under 100 characters.")]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [StringLength(2000, ErrorMessage = "Keep the bio under 2,000 characters.")]
        [Display(Name = "Bio")]
        public string? Bio { get; set; }

        [Required(ErrorMessage = "Give your e-mail address.")]
        [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
        [Display(Name = "E-mail address")]
        public string? Email { get; set; }

        /// Asked only when the address changes.
        [Display(Name = "Current password")]
        public string? CurrentPassword { get; set; }
    }
}
