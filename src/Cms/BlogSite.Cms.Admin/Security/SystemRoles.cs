using System.Security.Claims;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Admin.Security;

/// The roles every site has, as Orchard Core's roles feature creates them whatever recipe set the site up: Anonymous
/// (visitors) and Authenticated (everyone signed in), with their default permissions, so a site imported from a
/// recipe without a Roles step is readable. Roles that exist are left as they are.
public sealed class SystemRoles(RoleManager<CmsRole> roles, PermissionCatalog catalog)
{
    public async Task EnsureAsync()
    {
        foreach (var name in new[] { RoleNames.Anonymous, RoleNames.Authenticated })
        {
            if (await roles.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var role = new CmsRole { Name = name, Description = name };
            ThrowIfFailed(await roles.CreateAsync(role), name);
            foreach (var permission in catalog.DefaultsFor(name))
            {
                ThrowIfFailed(await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, permission)), name);
            }
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The role '{role}' could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
