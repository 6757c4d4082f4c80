using System.Security.Claims;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Content.Security;

/// A role's permissions are its role claims of type <see cref="CmsRole.PermissionClaimType"/>.
public static class RolePermissionClaims
{
    /// Gives the role exactly <paramref name="permissions"/>: claims it no longer has go, missing ones are added.
    /// Returns Identity's first refusal, if any.
    public static async Task<IdentityResult> SetPermissionsAsync(this RoleManager<CmsRole> roles, CmsRole role, IReadOnlyCollection<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(permissions);
        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType).ToList();
        foreach (var claim in current.Where(c => !permissions.Contains(c.Value)))
        {
            if (await roles.RemoveClaimAsync(role, claim) is { Succeeded: false } refused)
            {
                return refused;
            }
        }

        foreach (var permission in permissions.Where(p => !current.Exists(c => c.Value == p)).Distinct(StringComparer.Ordinal))
        {
            if (await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, permission)) is { Succeeded: false } refused)
            {
                return refused;
            }
        }

        return IdentityResult.Success;
    }
}
