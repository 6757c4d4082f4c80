using System.Security.Claims;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Admin.Security;

/// When a feature is enabled, the roles its permissions name as defaults (Editor, Author…) that already exist are
/// given those permissions, as Orchard Core's role updater does; a role created later gets them from its defaults.
public sealed class RoleUpdater(RoleManager<CmsRole> roles, PermissionCatalog catalog) : IFeatureListener
{
    public async Task EnabledAsync(IReadOnlyList<FeatureDescriptor> enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        var features = enabled.Select(f => f.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var permission in catalog.All.Where(p => p.Feature is { } feature && features.Contains(feature)))
        {
            foreach (var roleName in permission.DefaultRoles)
            {
                if (await roles.FindByNameAsync(roleName) is not { } role)
                {
                    continue;
                }

                var claims = await roles.GetClaimsAsync(role);
                if (!claims.Any(c => c.Type == CmsRole.PermissionClaimType && c.Value == permission.Name))
                {
                    await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, permission.Name));
                }
            }
        }
    }
}
