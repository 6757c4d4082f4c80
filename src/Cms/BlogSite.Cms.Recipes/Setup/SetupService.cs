using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Recipes.Setup;

/// First start: validate the setup recipe before touching the database, then migrate and run the recipe and create
/// the administrator in one transaction. A later start finds the setup record and does nothing.
public sealed class SetupService(
    IOptions<SetupOptions> options,
    DatabaseMigrator migrator,
    DocumentStore documents,
    RecipeExecutor executor,
    SiteSettingsStore settings,
    UserManager<CmsUser> users,
    RoleManager<CmsRole> roles)
{
    private const string DocumentKey = "Setup";
    private const string AdministratorRole = "Administrator";

    public async Task<SetupResult> SetUpIfNeededAsync(CancellationToken cancellationToken = default)
    {
        var setup = options.Value;
        var recipe = await RecipeReader.ReadFileAsync(setup.RecipePath(), cancellationToken);
        var adminUserId = ContentItemIdGenerator.NewId();
        var parameters = new Dictionary<string, string>
        {
            ["AdminUserId"] = adminUserId,
            ["AdminUsername"] = setup.AdminUserName,
            ["SiteName"] = setup.SiteName ?? "",
        };
        var validation = executor.Validate(recipe, parameters);
        if (!validation.Succeeded)
        {
            throw new RecipeException(validation.Errors);
        }

        await migrator.MigrateAsync(cancellationToken);
        if (await documents.ExistsAsync(DocumentKey, cancellationToken))
        {
            return new SetupResult(false, setup.AdminUserName, null, null);
        }

        var password = string.IsNullOrEmpty(setup.AdminPassword) ? GeneratePassword() : setup.AdminPassword;
        var report = await executor.RunAsync(recipe, parameters, async ct =>
        {
            if (!string.IsNullOrWhiteSpace(setup.SiteName))
            {
                await settings.MergeAsync(new JsonObject { ["SiteName"] = setup.SiteName }, ct);
            }

            await CreateAdministratorAsync(adminUserId, setup, password);
            await documents.SaveAsync(DocumentKey, new JsonObject { ["Recipe"] = recipe.Name, ["CompletedUtc"] = DateTime.UtcNow }, ct);
        }, cancellationToken);

        return new SetupResult(true, setup.AdminUserName, string.IsNullOrEmpty(setup.AdminPassword) ? password : null, report);
    }

    private async Task CreateAdministratorAsync(string userId, SetupOptions setup, string password)
    {
        if (!await roles.RoleExistsAsync(AdministratorRole))
        {
            Check(await roles.CreateAsync(new CmsRole { Name = AdministratorRole, Description = AdministratorRole }), "role");
        }

        var user = new CmsUser { Id = userId, UserName = setup.AdminUserName, Email = setup.AdminEmail, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), "admin user");
        Check(await users.AddToRoleAsync(user, AdministratorRole), "admin user");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException([new RecipeError(null, null, "BlogSite:Setup", $"Setup could not create the {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}")]);
        }
    }

    /// 20 characters with every class Identity's default password rules ask for.
    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+";
        var chars = RandomNumberGenerator.GetItems<char>(upper, 5)
            .Concat(RandomNumberGenerator.GetItems<char>(lower, 9))
            .Concat(RandomNumberGenerator.GetItems<char>(digits, 4))
            .Concat(RandomNumberGenerator.GetItems<char>(symbols, 2))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
