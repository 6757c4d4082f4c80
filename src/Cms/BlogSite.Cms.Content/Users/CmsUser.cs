using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Content.Users;

public sealed class CmsUser : IdentityUser
{
    public bool IsEnabled { get; set; } = true;
}
