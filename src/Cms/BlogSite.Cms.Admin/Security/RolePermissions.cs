using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Cms.Admin.Security;

/// The permissions each role holds (role claims, read by their current names), cached for a minute per role and
/// forgotten at once when the roles page changes a role.
public sealed class RolePermissions(RoleManager<CmsRole> roles, IMemoryCache cache, PermissionCatalog catalog)
{
    public async Task<IReadOnlySet<string>> OfAsync(string roleName) =>
        (await cache.GetOrCreateAsync(Key(roleName), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var role = await roles.FindByNameAsync(roleName);
            return role is null
                ? []
                : (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType)
                    .Select(c => catalog.Canonical(c.Value)).ToHashSet(StringComparer.Ordinal);
        }))!;

    public void Forget(string roleName) => cache.Remove(Key(roleName));

    private static string Key(string roleName) => $"role-permissions:{roleName}";
}
