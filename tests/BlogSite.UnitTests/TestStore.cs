using BlogSite.Blog;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Theme;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.UnitTests;

/// A fresh SQLite file with the real services of the CMS, the blog module and the theme, for one test; with a
/// clock, time stands still until the test moves it.
public sealed class TestStore(TimeProvider? clock = null) : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"blogsite-unit-{Guid.NewGuid():N}.db");
    private ServiceProvider? provider;

    public string RecipeFolder { get; } = Directory.CreateTempSubdirectory("blogsite-recipes-").FullName;

    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"blogsite-media-{Guid.NewGuid():N}");

    public IServiceProvider Services => provider ?? throw new InvalidOperationException("The store is not initialized.");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BlogSite:Database:Provider"] = "Sqlite",
                ["BlogSite:Database:ConnectionString"] = $"Data Source={databasePath}",
                ["BlogSite:Media:Path"] = MediaFolder,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddCmsContent(configuration)
            .AddCmsRecipes(configuration)
            .AddBlogModule()
            .AddBlogSiteTheme();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.Delete(RecipeFolder, recursive: true);
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }

    public RecipeDescriptor Parse(string json) => RecipeReader.Parse(json, RecipeFolder);

    /// Runs as the operator would (every scope) unless <paramref name="trust"/> says otherwise.
    public async Task<RecipeReport> RunAsync(string json, IReadOnlyDictionary<string, string>? parameters = null, RecipeTrust? trust = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(Parse(json), trust ?? RecipeTrust.Operator, parameters);
    }

    /// Writes the recipe to a file and runs it as the command line does, streaming its content items from the file.
    public async Task<RecipeReport> RunFileAsync(string json, IProgress<RecipeProgress>? progress = null)
    {
        var path = Path.Combine(RecipeFolder, $"{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(path, json);
        await using var scope = Services.CreateAsyncScope();
        var recipe = await RecipeReader.ReadFileAsync(path);
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(recipe, RecipeTrust.Operator, progress: progress);
    }

    public RecipeReport Validate(string json)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(Parse(json), RecipeTrust.Operator);
    }

    /// Runs <paramref name="query"/> against a fresh context of this store.
    public async Task<T> QueryAsync<T>(Func<CmsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await query(db);
    }

    public Task<int> CountItemsAsync() => QueryAsync(db => db.ContentItems.CountAsync());
}
