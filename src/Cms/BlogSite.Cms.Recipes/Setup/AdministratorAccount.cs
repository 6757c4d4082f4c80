using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Execution;
using Microsoft.AspNetCore.Identity;

namespace BlogSite.Cms.Recipes.Setup;

/// The administrator setup creates: a user in the Administrator role (the role is made if the recipe has none).
public sealed class AdministratorAccount(UserManager<CmsUser> users, RoleManager<CmsRole> roles, SiteSettingsStore settings)
{
    public const string RoleName = "Administrator";

    public async Task CreateAsync(string userId, SetupOptions setup, string password)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!await roles.RoleExistsAsync(RoleName))
        {
            Check(await roles.CreateAsync(new CmsRole { Name = RoleName, Description = RoleName }), "role");
        }

        var user = new CmsUser { Id = userId, UserName = setup.AdminUserName, Email = setup.AdminEmail, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), "admin user");
        Check(await users.AddToRoleAsync(user, RoleName), "admin user");
    }

    /// The `parameters('AdminUserId' | 'AdminUsername' | 'SiteName')` a recipe run on an existing site gets: its first
    /// administrator and its name.
    public async Task<Dictionary<string, string>> RecipeParametersAsync()
    {
        var admin = (await users.GetUsersInRoleAsync(RoleName)).OrderBy(u => u.UserName, StringComparer.Ordinal).FirstOrDefault();
        return new Dictionary<string, string>
        {
            ["AdminUserId"] = admin?.Id ?? "",
            ["AdminUsername"] = admin?.UserName ?? "",
            ["SiteName"] = (await settings.GetAsync()).SiteName,
        };
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException([new RecipeError(null, null, "BlogSite:Setup", $"Setup could not create the {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}")]);
        }
    }
}
