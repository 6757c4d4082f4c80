using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Content.Users;

/// Keeps user names short enough for bylines, author addresses and the database column, whichever way a user is made
/// (the users page, a recipe, setup): a 10,000-character name used to end in a 500.
public sealed class UserNameLength : IUserValidator<CmsUser>
{
    public const int Maximum = 64;

    public Task<IdentityResult> ValidateAsync(UserManager<CmsUser> manager, CmsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.UserName is { Length: > Maximum }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "UserNameTooLong",
                Description = $"Keep the user name under {Maximum} characters (this one has {user.UserName.Length}).",
            })
            : IdentityResult.Success);
    }
}
