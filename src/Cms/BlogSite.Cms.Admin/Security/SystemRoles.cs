using System.Security.Claims;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Admin.Security;

/// The roles every site has, as Orchard Core's roles feature creates them whatever recipe set the site up: Anonymous
/// (visitors) and Authenticated (everyone signed in), with their default permissions, so a site imported from a
/// recipe without a Roles step is readable. Roles that exist keep their permissions, renamed to Orchard Core's names
/// where an earlier BlogSite stored another ("ManageTaxonomies"), so exports carry names Orchard Core reads.
public sealed class SystemRoles(RoleManager<CmsRole> roles, PermissionCatalog catalog)
{
    public async Task EnsureAsync()
    {
        await RenameOldPermissionsAsync();
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

    private async Task RenameOldPermissionsAsync()
    {
        foreach (var role in roles.Roles.ToList())
        {
            var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType).ToList();
            foreach (var claim in claims.Where(c => catalog.OldNames.ContainsKey(c.Value)))
            {
                ThrowIfFailed(await roles.RemoveClaimAsync(role, claim), role.Name!);
                var name = catalog.OldNames[claim.Value];
                if (!claims.Exists(c => c.Value == name))
                {
                    ThrowIfFailed(await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, name)), role.Name!);
                }
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
