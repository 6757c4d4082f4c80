using System.Security.Claims;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Admin.Security;

/// A user has a permission when one of their roles grants it (role claims written by the Roles step); the
/// Administrator role has every permission. Role permissions are cached for a minute per role.
public sealed class PermissionHandler(RoleManager<CmsRole> roles, IMemoryCache cache) : AuthorizationHandler<PermissionRequirement>
{
    public const string AdministratorRole = "Administrator";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        foreach (var role in context.User.FindAll(ClaimTypes.Role).Select(c => c.Value))
        {
            if (role == AdministratorRole || (await PermissionsOfAsync(role)).Contains(requirement.Permission))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }

    private async Task<HashSet<string>> PermissionsOfAsync(string roleName) =>
        (await cache.GetOrCreateAsync($"role-permissions:{roleName}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var role = await roles.FindByNameAsync(roleName);
            return role is null
                ? []
                : (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        }))!;
}
