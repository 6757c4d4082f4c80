using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Recipes.Setup;

/// First start: validate the setup recipe before touching the database, then migrate and run the recipe and create
/// the administrator in one transaction. A later start finds the setup record, migrates and does nothing else, without
/// reading the recipe (which costs a start a fifth of a second for nothing); a database that
/// already holds an imported site keeps it and only gets its administrator.
public sealed class SetupService(
    IOptions<SetupOptions> options,
    DatabaseMigrator migrator,
    CmsDbContext db,
    DocumentStore documents,
    RecipeExecutor executor,
    SiteSettingsStore settings,
    AdministratorAccount administrator,
    TimeProvider clock)
{
    private const string DocumentKey = "Setup";

    public async Task<SetupResult> SetUpIfNeededAsync(CancellationToken cancellationToken = default)
    {
        // A database with no migration applied is new: it is not touched before the recipe has been read and found valid.
        if (await migrator.AppliedMigrationsAsync(cancellationToken) is { } applied)
        {
            await migrator.MigrateAsync(applied, cancellationToken);
            if (await documents.ExistsAsync(DocumentKey, cancellationToken))
            {
                return new SetupResult(false, options.Value.AdminUserName, null, null);
            }
        }

        return await SetUpIfNeededAsync(await RecipeReader.ReadFileAsync(options.Value.RecipePath(), cancellationToken), null, cancellationToken);
    }

    /// Sets the site up with <paramref name="recipe"/> instead of the configured one: what `recipe run` does on an
    /// empty database, so the recipe gets the same parameters (site name, administrator) as at a first start.
    public async Task<SetupResult> SetUpIfNeededAsync(RecipeDescriptor recipe, IProgress<RecipeProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var setup = options.Value;
        var adminUserId = ContentItemIdGenerator.NewId();
        var parameters = new Dictionary<string, string>
        {
            ["AdminUserId"] = adminUserId,
            ["AdminUsername"] = setup.AdminUserName,
            ["SiteName"] = setup.SiteName ?? "",
        };
        var validation = executor.Validate(recipe, RecipeTrust.Operator, parameters);
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
        var generated = string.IsNullOrEmpty(setup.AdminPassword) ? password : null;
        if (await db.ContentItems.AnyAsync(cancellationToken))
        {
            // An operator already imported a site with `recipe run`: keep it, and only add what setup owes it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                await administrator.CreateAsync(adminUserId, setup, password);
            }
            else
            {
                generated = null;
            }

            await MarkSetUpAsync("(existing content)", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SetupResult(true, setup.AdminUserName, generated, new RecipeReport());
        }

        var report = await executor.RunAsync(recipe, RecipeTrust.Operator, parameters, async ct =>
        {
            if (!string.IsNullOrWhiteSpace(setup.SiteName))
            {
                await settings.MergeAsync(new JsonObject { ["SiteName"] = setup.SiteName }, ct);
            }

            await administrator.CreateAsync(adminUserId, setup, password);
            await MarkSetUpAsync(recipe.Name, ct);
        }, progress, cancellationToken);

        return new SetupResult(true, setup.AdminUserName, generated, report);
    }

    /// Whether setup has run on this database (its record exists).
    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default) => documents.ExistsAsync(DocumentKey, cancellationToken);

    private Task MarkSetUpAsync(string recipeName, CancellationToken cancellationToken) =>
        documents.SaveAsync(DocumentKey, new JsonObject { ["Recipe"] = recipeName, ["CompletedUtc"] = clock.GetUtcNow().UtcDateTime }, cancellationToken);

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
