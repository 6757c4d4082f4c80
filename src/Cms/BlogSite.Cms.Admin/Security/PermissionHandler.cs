using System.Security.Claims;
using BlogSite.Cms.Content.Security;
using Microsoft.AspNetCore.Authorization;

namespace BlogSite.Cms.Admin.Security;

/// A user has a permission when one of their roles grants it; signed-in users also have what the Authenticated role
/// grants, visitors what the Anonymous role grants; the Administrator role has every permission.
public sealed class PermissionHandler(RolePermissions permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var roles = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).Append(RoleNames.Authenticated)
            : [RoleNames.Anonymous];
        foreach (var role in roles)
        {
            if (role == RoleNames.Administrator || (await permissions.OfAsync(role)).Contains(requirement.Permission))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}
