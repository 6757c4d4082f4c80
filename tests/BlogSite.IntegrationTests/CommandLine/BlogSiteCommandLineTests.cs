using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BlogSite.IntegrationTests.CommandLine;

/// The `recipe` verbs, run in-process exactly as Program.cs runs them, against SQLite files of their own.
public sealed class BlogSiteCommandLineTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-cli-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase target, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BlogSiteCommandLine.RunAsync(args, output, error, c => c.AddInMemoryCollection(target.Settings));
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<int> CountPostsAsync(SqliteTestDatabase target)
    {
        await using var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(target.ConnectionString).Options);
        return await db.ContentItems.CountAsync(x => x.ContentType == "BlogPost");
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task RunningTheSetupRecipeTwiceLeavesEighteenPosts()
    {
        var first = await RunAsync(database, "recipe", "run", SetupRecipe.FilePath);
        var second = await RunAsync(database, "recipe", "run", SetupRecipe.FilePath);

        Assert.Equal((BlogSiteCommandLine.Success, ""), (first.Exit, first.Error));
        Assert.Equal(BlogSiteCommandLine.Success, second.Exit);
        Assert.Contains("0 created, 0 updated", second.Output, StringComparison.Ordinal);
        Assert.Equal(SetupRecipe.Instance.Posts.Count, await CountPostsAsync(database));
    }

    [Fact]
    public async Task ValidatingAMalformedStepExitsOneAndNamesStepAndPath()
    {
        var file = Write("bad.recipe.json", """
            { "name": "Bad", "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "Roles", "Roles": [ { "Description": "no name" } ] } ] }
            """);

        var (exit, _, error) = await RunAsync(database, "recipe", "validate", file);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("step 1 'Roles' at $.steps[1].Roles[0].Name", error, StringComparison.Ordinal);
        Assert.False(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task ARecipeOnTheCommandLineCannotReadSecretConfigurationOrFilesOutsideItsFolder()
    {
        var file = Write("hostile.recipe.json", """
            { "name": "Hostile", "steps": [
                { "name": "settings", "SiteName": "[js: configuration('BlogSite:Database:ConnectionString')]",
                  "Tagline": "[file: text('/etc/passwd')]" } ] }
            """);

        var (exit, _, error) = await RunAsync(database, "recipe", "run", file);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("$.steps[0].SiteName", error, StringComparison.Ordinal);
        Assert.Contains("configuration('BlogSite:Database:ConnectionString') is not readable by recipes", error, StringComparison.Ordinal);
        Assert.Contains("$.steps[0].Tagline", error, StringComparison.Ordinal);
        Assert.DoesNotContain(database.FilePath, error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidatingInvalidJsonNamesTheLine()
    {
        var file = Write("syntax.recipe.json", "{\n  \"steps\": [\n    { \"name\": \"feature\" \n  ]\n}");

        var (exit, _, error) = await RunAsync(database, "recipe", "validate", file);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSetupRecipeValidates()
    {
        var (exit, output, _) = await RunAsync(database, "recipe", "validate", SetupRecipe.FilePath);

        Assert.Equal(BlogSiteCommandLine.Success, exit);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recipe")]
    [InlineData("recipe", "frobnicate")]
    [InlineData("recipe", "run")]
    [InlineData("recipe", "export", "--bogus")]
    public async Task WrongUsageExitsTwo(params string[] args) =>
        Assert.Equal(BlogSiteCommandLine.UsageError, (await RunAsync(database, args)).Exit);

    [Fact]
    public async Task ALargeImportIntoPostgreSqlSaysSearchCatchesUpWhileTheSiteRuns()
    {
        await using var target = await PostgreSqlTestDatabase.CreateAsync();
        var file = Path.Combine(folder, "generated.recipe.json");
        GeneratedRecipe.Write(file, 150);

        var (exit, output, _) = await RunAsync(target, "recipe", "run", file);

        Assert.Equal(BlogSiteCommandLine.Success, exit);
        Assert.Contains("Search finds 150 of the items once the site has indexed them", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedRunImportsNothing()
    {
        var file = Write("late.recipe.json", """
            { "name": "Late", "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "content", "Data": [ { "ContentItemId": "a", "ContentType": "BlogPost", "Published": true, "AutoroutePart": { "Path": "blog/x" } } ] },
                { "name": "content", "Data": [ { "ContentItemId": "b", "ContentType": "BlogPost", "Published": true, "AutoroutePart": { "Path": "blog/x" } } ] } ] }
            """);

        var (exit, _, error) = await RunAsync(database, "recipe", "run", file);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Equal(0, await CountPostsAsync(database));
    }

    [Fact]
    public async Task AnExportImportedIntoAnEmptyDatabaseExportsTheSame()
    {
        await RunAsync(database, "recipe", "run", SetupRecipe.FilePath);
        var firstExport = Path.Combine(folder, "first.json");
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync(database, "recipe", "export", "--out", firstExport, "--setup")).Exit);

        await using var empty = new SqliteTestDatabase();
        var import = await RunAsync(empty, "recipe", "run", firstExport);
        var secondExport = Path.Combine(folder, "second.json");
        await RunAsync(empty, "recipe", "export", "--out", secondExport, "--setup");

        Assert.Equal(BlogSiteCommandLine.Success, import.Exit);
        Assert.Equal(SetupRecipe.Instance.Posts.Count, await CountPostsAsync(empty));
        var first = JsonNode.Parse(await File.ReadAllTextAsync(firstExport))!;
        var second = JsonNode.Parse(await File.ReadAllTextAsync(secondExport))!;
        first["description"] = second["description"] = null;
        Assert.Equal(first["steps"]!.ToJsonString(), second["steps"]!.ToJsonString());
        Assert.True(first["issetuprecipe"]!.GetValue<bool>());
    }
}
