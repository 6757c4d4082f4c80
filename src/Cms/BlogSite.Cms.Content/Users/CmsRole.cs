using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Content.Users;

/// A role; its permissions are role claims of type <see cref="PermissionClaimType"/>.
public sealed class CmsRole : IdentityRole
{
    public const string PermissionClaimType = "Permission";

    public string? Description { get; set; }
}
