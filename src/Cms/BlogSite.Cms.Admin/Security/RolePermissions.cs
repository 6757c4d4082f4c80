using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Admin.Security;

/// The permissions each role holds (role claims, read by their current names), kept until the next change to the
/// site's lists or settings, which every change to a role is (<see cref="ChangedContent"/>), on whichever node it was
/// made. Inside a transaction they are read afresh, so a role written there is seen and never kept if rolled back.
public sealed class RolePermissions(RoleManager<CmsRole> roles, PermissionCatalog catalog, ListFacts facts, CmsDbContext db)
{
    public async Task<IReadOnlySet<string>> OfAsync(string roleName) =>
        ListFacts.MayShareCopies(db) ? await facts.GetAsync("role-permissions:" + roleName, () => ReadAsync(roleName)) : await ReadAsync(roleName);

    private async Task<IReadOnlySet<string>> ReadAsync(string roleName)
    {
        var role = await roles.FindByNameAsync(roleName);
        return role is null
            ? new HashSet<string>()
            : (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsRole.PermissionClaimType)
                .Select(c => catalog.Canonical(c.Value)).ToHashSet(StringComparer.Ordinal);
    }
}
