using System.IO.Compression;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BlogSite.IntegrationTests.CommandLine;

/// `recipe export`: setup exports, chosen items with what they point at, and .zip archives with media.
public sealed class ExportTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly SqliteTestDatabase source = new();
    private readonly SqliteTestDatabase target = new();
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-export-").FullName;

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await RunAsync(source, "recipe", "run", SetupRecipe.FilePath)).Exit);
        var withImage = Path.Combine(folder, "image.recipe.json");
        await File.WriteAllTextAsync(withImage, $$"""
            { "name": "Image", "steps": [ { "name": "media", "Files": [ { "TargetPath": "covers/first.png", "Base64": "{{Convert.ToBase64String(Png)}}" } ] } ] }
            """);
        Assert.Equal(0, (await RunAsync(source, "recipe", "run", withImage)).Exit);
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Exit, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await BlogSiteCommandLine.RunAsync(args, output, output, c => c.AddInMemoryCollection(database.Settings));
        return (exit, output.ToString());
    }

    private static async Task<List<string>> ItemIdsAsync(SqliteTestDatabase database)
    {
        await using var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(database.ConnectionString).Options);
        return await db.ContentItems.OrderBy(x => x.ContentItemId).Select(x => x.ContentItemId).ToListAsync();
    }

    [Fact]
    public async Task ASetupExportHasNoVersionIdsNoUsersAndOwnersAsSetupParameters()
    {
        var file = Path.Combine(folder, "setup.json");
        await RunAsync(source, "recipe", "export", "--setup", "--out", file);

        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var steps = recipe["steps"]!.AsArray();
        Assert.True(recipe["issetuprecipe"]!.GetValue<bool>());
        Assert.DoesNotContain(steps, s => s!["name"]!.GetValue<string>() == "Users");
        var items = steps.Single(s => s!["name"]!.GetValue<string>() == "content")!["Data"]!.AsArray();
        Assert.All(items, i =>
        {
            Assert.Null(i!["ContentItemVersionId"]);
            Assert.Equal("[js: parameters('AdminUserId')]", i["Owner"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task OneChosenPostTravelsWithItsBlogAndTaxonomies()
    {
        var post = SetupRecipe.Instance.Posts[3];
        var file = Path.Combine(folder, "one-post.json");

        Assert.Equal(0, (await RunAsync(source, "recipe", "export", "--item", post.ContentItemId, "--out", file)).Exit);
        var (exit, output) = await RunAsync(target, "recipe", "run", file);

        Assert.True(exit == 0, output);
        var expected = new[] { post.ContentItemId, post.Content["ContainedPart"]!["ListContentItemId"]!.GetValue<string>() }
            .Concat(SetupRecipe.Instance.TaxonomyTerms.Select(t => t.Taxonomy).Distinct().Select(path => path == "tags" ? "4tagstaxonomy0000000000000" : "4categor1estaxonomy0000000"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, await ItemIdsAsync(target));
    }

    [Fact]
    public async Task AZipCarriesTheMediaAndRestoresBothIntoAnEmptySite()
    {
        var zip = Path.Combine(folder, "site.zip");

        Assert.Equal(0, (await RunAsync(source, "recipe", "export", "--out", zip)).Exit);
        using (var archive = await ZipFile.OpenReadAsync(zip))
        {
            Assert.Equal(["Recipe.json", "media/covers/first.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        var (exit, output) = await RunAsync(target, "recipe", "run", zip);

        Assert.True(exit == 0, output);
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(target.MediaFolder, "covers", "first.png")));
        Assert.Equal(await ItemIdsAsync(source), await ItemIdsAsync(target));
    }

    [Fact]
    public async Task ABrokenArchiveIsARecipeError()
    {
        var zip = Path.Combine(folder, "broken.zip");
        await File.WriteAllTextAsync(zip, "not a zip");

        var (exit, output) = await RunAsync(target, "recipe", "validate", zip);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("not a readable .zip archive", output, StringComparison.Ordinal);
    }
}
