using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Admin.Security;

/// The roles page's writes: create a role (with its stereotype's defaults, as a recipe would), delete one the site does
/// not need, and set a role's permissions. Administrator always has every permission and is never changed here.
public sealed class RoleEditor(RoleManager<CmsRole> roles, PermissionCatalog catalog)
{
    public async Task<CmsRole> CreateAsync(string name, string? description)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new ContentEditException("Name", "Enter a name for the role.");
        }

        if (await roles.FindByNameAsync(name) is not null)
        {
            throw new ContentEditException("Name", $"There is already a role named '{name}'.");
        }

        var role = new CmsRole { Name = name, Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim() };
        Check(await roles.CreateAsync(role), "Name");
        await ReplaceAsync(role, catalog.DefaultsFor(name));
        return role;
    }

    public async Task DeleteAsync(string name)
    {
        if (RoleNames.System.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ContentEditException("Name", $"The site needs the role '{name}'; it cannot be deleted.");
        }

        var role = await roles.FindByNameAsync(name) ?? throw new ContentEditException("Name", $"There is no role '{name}'.");
        Check(await roles.DeleteAsync(role), "Name");
    }

    /// Gives the role exactly <paramref name="permissions"/> (names the site does not declare are refused).
    public async Task SetAsync(string name, string? description, IReadOnlyCollection<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var role = await roles.FindByNameAsync(name) ?? throw new ContentEditException("Name", $"There is no role '{name}'.");
        if (role.Name == RoleNames.Administrator)
        {
            throw new ContentEditException("Permissions", "Administrator has every permission; it cannot be changed.");
        }

        if (permissions.FirstOrDefault(p => catalog.Find(p) is null) is { } unknown)
        {
            throw new ContentEditException("Permissions", $"The site has no permission '{unknown}'.");
        }

        role.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Check(await roles.UpdateAsync(role), "Description");
        await ReplaceAsync(role, [.. permissions.Select(catalog.Canonical)]);
    }

    private async Task ReplaceAsync(CmsRole role, IReadOnlyCollection<string> permissions)
    {
        Check(await roles.SetPermissionsAsync(role, permissions), "Permissions");
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ContentEditException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
