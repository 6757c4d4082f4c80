using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.IntegrationTests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// A recipe's transaction on SQLite writes through a connection with a large page cache and statement journals in
/// memory, and hands the connection back to the pool with SQLite's defaults, so the connections web requests use stay
/// small.
public sealed class BulkWriteCacheTests(AdminSite site) : IClassFixture<AdminSite>
{
    private const string Recipe = """
        { "name": "Cache", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Cache checker", "Permissions": [ "AccessAdminPanel" ] } ] } ] }
        """;

    [Fact]
    public async Task ARecipeWritesWithALargePageCacheAndLeavesTheConnectionAsItFoundIt()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        // Held open, so every read below is of the connection the recipe writes through.
        await db.Database.OpenConnectionAsync();
        var before = await SettingsAsync(db);
        (long CacheSize, long TempStore)? during = null;

        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(
            RecipeReader.Parse(Recipe, AppContext.BaseDirectory), RecipeTrust.Operator, beforeCommit: async _ => during = await SettingsAsync(db));

        Assert.Equal((-65_536, 2), during);
        Assert.Equal(before, await SettingsAsync(db));
        Assert.NotEqual(before.CacheSize, during!.Value.CacheSize);
        Assert.NotEqual(before.TempStore, during.Value.TempStore);
    }

    [Fact]
    public async Task ARecipeThatFailsAlsoLeavesTheConnectionAsItFoundIt()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.OpenConnectionAsync();
        var before = await SettingsAsync(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(
            RecipeReader.Parse(Recipe, AppContext.BaseDirectory), RecipeTrust.Operator, beforeCommit: _ => throw new InvalidOperationException("Stopped before commit.")));

        Assert.Equal(before, await SettingsAsync(db));
    }

    private static async Task<(long CacheSize, long TempStore)> SettingsAsync(CmsDbContext db) =>
        (await PragmaAsync(db, "cache_size"), await PragmaAsync(db, "temp_store"));

    private static async Task<long> PragmaAsync(CmsDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
