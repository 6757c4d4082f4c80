using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Setup;

/// First start, second start, and a start with a broken recipe, each on an SQLite file of its own.
public sealed class SetupTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly string recipeFolder = Directory.CreateTempSubdirectory("blogsite-setup-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(recipeFolder, recursive: true);
    }

    private BlogSiteFactory Factory(string? recipe = null)
    {
        var settings = new Dictionary<string, string?>(database.Settings);
        if (recipe is not null)
        {
            var path = Path.Combine(recipeFolder, "setup.recipe.json");
            File.WriteAllText(path, recipe);
            settings["BlogSite:Setup:Recipe"] = path;
        }

        return new BlogSiteFactory(settings);
    }

    private async Task<T> QueryAsync<T>(Func<SqliteCmsDbContext, Task<T>> query)
    {
        await using var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(database.ConnectionString).Options);
        return await query(db);
    }

    [Fact]
    public async Task TheFirstStartSetsUpAndASecondStartReusesTheData()
    {
        await using (var first = Factory())
        {
            using var client = first.CreateClient();
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
            Assert.Contains(first.Logs, line => line.Contains("Set up from the recipe", StringComparison.Ordinal));
        }

        var versionsAfterFirst = await QueryAsync(db => db.ContentItems.Select(x => x.ContentItemVersionId).OrderBy(x => x).ToListAsync());

        await using (var second = Factory())
        {
            using var client = second.CreateClient();
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
            Assert.DoesNotContain(second.Logs, line => line.Contains("Set up from the recipe", StringComparison.Ordinal));
        }

        Assert.Equal(versionsAfterFirst, await QueryAsync(db => db.ContentItems.Select(x => x.ContentItemVersionId).OrderBy(x => x).ToListAsync()));
        Assert.Equal(SetupRecipe.Instance.Posts.Count, await QueryAsync(db => db.ContentItems.CountAsync(x => x.ContentType == "BlogPost")));
        Assert.Equal(["admin"], await QueryAsync(db => db.Users.Select(u => u.UserName!).ToListAsync()));
    }

    [Fact]
    public async Task AStartAfterAnImportKeepsTheImportedSiteAndOnlyAddsTheAdministrator()
    {
        var recipe = Path.Combine(recipeFolder, "imported.recipe.json");
        File.WriteAllText(recipe, """
            { "name": "Imported", "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog", "BlogSite.Theme" ] },
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Article", "ContentTypePartDefinitionRecords": [
                    { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" } ] } ] },
                { "name": "content", "Data": [ { "ContentItemId": "imported0000000000000000001", "ContentType": "Article", "DisplayText": "About",
                    "Published": true, "TitlePart": { "Title": "About us" }, "AutoroutePart": { "Path": "about" } } ] } ] }
            """);
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await BlogSiteCommandLine.RunAsync(
                ["recipe", "run", recipe], output, output, c => c.AddInMemoryCollection(database.Settings)));
        }

        await using var factory = Factory();
        using var client = factory.CreateClient();

        Assert.Contains("About us", await client.GetStringAsync("/about"), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.ContentItems.CountAsync(x => x.ContentType == "BlogPost")));
        Assert.Equal(["admin"], await QueryAsync(db => db.Users.Select(u => u.UserName!).ToListAsync()));
    }

    [Fact]
    public async Task AMalformedRecipeStopsStartUpNamingStepAndPathBeforeTheDatabaseIsTouched()
    {
        await using var factory = Factory("""
            { "name": "Broken", "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "content", "Data": [ { "ContentItemId": "a", "ContentType": "BlogPost", "PublishedUtc": "someday" } ] } ] }
            """);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var failure = Assert.Single(factory.Logs, line => line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains("step 1 'content' at $.steps[1].Data[0].PublishedUtc", failure, StringComparison.Ordinal);
        Assert.Contains("is not a date", failure, StringComparison.Ordinal);
        Assert.False(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task ARecipeThatFailsWhileRunningLeavesTheDatabaseEmpty()
    {
        await using var factory = Factory("""
            { "name": "Fails late", "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "settings", "SiteName": "Half set up" },
                { "name": "content", "Data": [ { "ContentItemId": "a", "ContentType": "BlogPost", "Published": true, "AutoroutePart": { "Path": "blog/x" } } ] },
                { "name": "content", "Data": [ { "ContentItemId": "b", "ContentType": "BlogPost", "Published": true, "AutoroutePart": { "Path": "blog/x" } } ] } ] }
            """);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(factory.Logs, line => line.Contains("$.steps[3].Data[0].AutoroutePart.Path", StringComparison.Ordinal));
        Assert.Equal(0, await QueryAsync(db => db.ContentItems.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Documents.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Users.CountAsync()));
    }
}
