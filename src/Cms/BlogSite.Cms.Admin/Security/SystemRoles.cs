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
            ThrowIfFailed(await roles.SetPermissionsAsync(role, catalog.DefaultsFor(name)), name);
        }
    }

    private async Task RenameOldPermissionsAsync()
    {
        foreach (var role in roles.Roles.ToList())
        {
            var held = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType).Select(c => c.Value).ToList();
            if (held.Exists(catalog.OldNames.ContainsKey))
            {
                ThrowIfFailed(await roles.SetPermissionsAsync(role, [.. held.Select(catalog.Canonical).Distinct(StringComparer.Ordinal)]), role.Name!);
            }
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The role '{role}' could not be saved: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
