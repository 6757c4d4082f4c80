using System.IO.Compression;
using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BlogSite.IntegrationTests.CommandLine;

/// Recipes in Orchard Core's shapes through the command line: a run on an empty database gets setup's parameters,
/// validation checks the configured site, archives hold Recipe.json, `recipes` finds recipes by name elsewhere, and
/// the export is in the shapes Orchard Core's steps read.
public sealed class OrchardRecipeTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-orchard-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunWithAsync(Dictionary<string, string?>? more, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await BlogSiteCommandLine.RunAsync(args, output, error, c => c.AddInMemoryCollection(database.Settings).AddInMemoryCollection(more ?? []));
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithAsync(null, args);

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private SqliteCmsDbContext Db() => new(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite(database.ConnectionString).Options);

    private static string Page(string id, string title, string path) => $$"""
        { "ContentItemId": "{{id}}", "ContentType": "BlogPost", "DisplayText": "{{title}}", "Latest": true, "Published": true,
          "Owner": "[js: parameters('AdminUserId')]", "Author": "[js: parameters('AdminUsername')]",
          "TitlePart": { "Title": "{{title}}" }, "AutoroutePart": { "Path": "{{path}}" }, "MarkdownBodyPart": { "Markdown": "Body." } }
        """;

    [Fact]
    public async Task ARunOnAnEmptyDatabaseGetsTheSiteNameAndAdministratorSetupGives()
    {
        var recipe = Write("first.recipe.json", $$"""
            { "name": "First", "issetuprecipe": true, "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "content", "Data": [ {{Page("firstpost0000000000000001", "[js: 'Welcome to ' + parameters('SiteName')]", "blog/first")}} ] } ] }
            """);

        var (exit, output, error) = await RunWithAsync(new() { ["BlogSite:Setup:SiteName"] = "Pyongyang Watch", ["BlogSite:Setup:AdminUserName"] = "editor-in-chief" }, "recipe", "run", recipe);

        Assert.True(exit == BlogSiteCommandLine.Success, error);
        Assert.Contains("sign in as 'editor-in-chief'", output, StringComparison.Ordinal);
        await using var db = Db();
        var admin = await db.Users.SingleAsync();
        var post = await db.ContentItems.SingleAsync(x => x.ContentItemId == "firstpost0000000000000001");
        Assert.Equal(("editor-in-chief", admin.Id, "editor-in-chief"), (admin.UserName, post.Owner, post.Author));
        Assert.Equal("Welcome to Pyongyang Watch", post.DisplayText);
    }

    [Fact]
    public async Task ARecipeThatIsNotASetupRecipeLeavesSetupToTheFirstStart()
    {
        var recipe = Write("part.recipe.json", $$"""
            { "name": "Part", "steps": [ { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "content", "Data": [ {{Page("partpost00000000000000001", "A part", "blog/a-part")}} ] } ] }
            """);

        var (exit, output, error) = await RunAsync("recipe", "run", recipe);

        Assert.True(exit == BlogSiteCommandLine.Success, error);
        Assert.DoesNotContain("set up", output, StringComparison.Ordinal);
        await using var db = Db();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.True(await db.ContentItems.AnyAsync(x => x.ContentItemId == "partpost00000000000000001"));
    }

    [Fact]
    public async Task ValidationAgainstTheConfiguredSiteRefusesWhatARunRefuses()
    {
        var recipe = Write("event.recipe.json", """
            { "name": "Events", "steps": [ { "name": "content", "Data": [
                { "ContentItemId": "event00000000000000000001", "ContentType": "Event", "DisplayText": "Talk", "Published": true } ] } ] }
            """);
        var alone = await RunAsync("recipe", "validate", recipe);
        Assert.Contains("Checked the file alone", alone.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database.FilePath), "validating must not create the database");

        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "run", SetupRecipe.FilePath)).Exit);
        var validated = await RunAsync("recipe", "validate", recipe);
        var run = await RunAsync("recipe", "run", recipe);

        Assert.Contains("Checked against the site in", validated.Output, StringComparison.Ordinal);
        Assert.Equal((BlogSiteCommandLine.RecipeError, BlogSiteCommandLine.RecipeError), (validated.Exit, run.Exit));
        var problem = validated.Error.Split('\n').First(l => l.StartsWith("error:", StringComparison.Ordinal))["error: ".Length..].Trim();
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Recipe.json")]
    [InlineData("recipe.json")]
    public async Task AnArchiveWithItsRecipeAtTheRootImportsWithItsFiles(string entryName)
    {
        var zip = Path.Combine(folder, "package.zip");
        await using (var archive = await ZipFile.OpenAsync(zip, ZipArchiveMode.Create))
        {
            await using (var writer = new StreamWriter(await archive.CreateEntry(entryName).OpenAsync()))
            {
                await writer.WriteAsync($$"""
                    { "name": "Package", "steps": [
                        { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                        { "name": "media", "Files": [ { "SourcePath": "files/map.pdf", "TargetPath": "maps/map.pdf" } ] },
                        { "name": "content", "Data": [ {{Page("packaged0000000000000001", "Packaged", "blog/packaged")}} ] } ] }
                    """);
            }

            await using var file = await archive.CreateEntry("files/map.pdf").OpenAsync();
            await file.WriteAsync("%PDF-1.4 map"u8.ToArray());
        }

        var (exit, _, error) = await RunAsync("recipe", "run", zip);

        Assert.True(exit == BlogSiteCommandLine.Success, error);
        Assert.Equal("%PDF-1.4 map", await File.ReadAllTextAsync(Path.Combine(database.MediaFolder, "maps", "map.pdf")));
        await using var db = Db();
        Assert.True(await db.ContentItems.AnyAsync(x => x.ContentItemId == "packaged0000000000000001"));
    }

    [Fact]
    public async Task AnArchiveThatWouldWriteOutsideItsFolderIsRefusedWithNothingLeft()
    {
        var zip = Path.Combine(folder, "evil.zip");
        await using (var archive = await ZipFile.OpenAsync(zip, ZipArchiveMode.Create))
        {
            await using (var writer = new StreamWriter(await archive.CreateEntry("Recipe.json").OpenAsync()))
            {
                await writer.WriteAsync("""{ "name": "Evil", "steps": [] }""");
            }

            await using var file = await archive.CreateEntry("../../escaped.txt").OpenAsync();
            await file.WriteAsync("x"u8.ToArray());
        }

        var before = Directory.GetDirectories(Path.GetTempPath(), "blogsite-archive-*").Length;
        var (exit, _, error) = await RunAsync("recipe", "run", zip);

        Assert.Equal(BlogSiteCommandLine.RecipeError, exit);
        Assert.Contains("would be written outside", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetDirectories(Path.GetTempPath(), "blogsite-archive-*").Length);
    }

    [Fact]
    public async Task TheRecipesStepFindsARecipeByNameInAConfiguredFolder()
    {
        Write("library/nested/tags.recipe.json", """
            { "name": "Shared.Pages", "steps": [ { "name": "feature", "enable": [ "BlogSite.Blog" ] }, { "name": "content", "Data": [
                { "ContentItemId": "sharedpage000000000000001", "ContentType": "Page", "DisplayText": "Shared", "Published": true, "TitlePart": { "Title": "Shared" }, "AutoroutePart": { "Path": "shared" } } ] } ] }
            """);
        var main = Write("site/main.recipe.json", """{ "name": "Main", "steps": [ { "name": "recipes", "Values": [ { "executionid": "Main", "name": "shared.pages" } ] } ] }""");

        var notConfigured = await RunAsync("recipe", "validate", main);
        var (exit, _, error) = await RunWithAsync(new() { ["BlogSite:Recipes:Folders:0"] = Path.Combine(folder, "library") }, "recipe", "run", main);

        Assert.Contains("No recipe named 'shared.pages' was found", notConfigured.Error, StringComparison.Ordinal);
        Assert.True(exit == BlogSiteCommandLine.Success, error);
        await using var db = Db();
        Assert.True(await db.ContentItems.AnyAsync(x => x.ContentItemId == "sharedpage000000000000001"));
    }

    [Fact]
    public async Task TwoRecipesWithStepsOfTheSameNameMergeWhatTheyKeep()
    {
        var blog = Write("blog.recipe.json", """{ "name": "BlogMedia", "steps": [ { "name": "MediaProfiles", "MediaProfiles": { "banner": { "Width": 1024, "Height": 300 } } } ] }""");
        var agency = Write("agency.recipe.json", """{ "name": "AgencyMedia", "steps": [ { "name": "MediaProfiles", "MediaProfiles": { "thumb": { "Width": 200 } } } ] }""");
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "run", blog)).Exit);
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "run", agency)).Exit);

        var export = Path.Combine(folder, "export.json");
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "export", "--out", export)).Exit);

        var profiles = JsonNode.Parse(await File.ReadAllTextAsync(export))!["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "MediaProfiles")!["MediaProfiles"]!;
        Assert.Equal(["banner", "thumb"], profiles.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task TheExportIsInTheShapesOrchardCoresStepsRead()
    {
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "run", SetupRecipe.FilePath)).Exit);
        var plans = Write("plans.recipe.json", """
            { "name": "Plans", "steps": [ { "name": "feature", "enable": [ "OrchardCore.Deployment" ] },
              { "name": "deployment", "Plans": [ { "Name": "Everything", "Steps": [ { "Type": "AllContentDeploymentStep", "Step": { "Id": "1", "Name": "AllContent" } } ] } ] } ] }
            """);
        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "run", plans)).Exit);
        var zip = Path.Combine(folder, "site.zip");

        Assert.Equal(BlogSiteCommandLine.Success, (await RunAsync("recipe", "export", "--out", zip)).Exit);

        using var archive = ZipFile.OpenRead(zip);
        var entry = archive.GetEntry("Recipe.json");
        Assert.NotNull(entry);
        JsonObject recipe;
        using (var reader = new StreamReader(entry.Open()))
        {
            recipe = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        }

        JsonObject Step(string name) => recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == name)!.AsObject();
        var user = Step("Users")["Users"]!.AsArray()[0]!;
        foreach (var field in new[] { "UserId", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "SecurityStamp", "PasswordHash", "RoleNames" })
        {
            Assert.False(user[field] is null || user[field]!.ToJsonString() is "\"\"" or "null", $"Users[0].{field} is missing");
        }

        Assert.Equal(user["UserName"]!.GetValue<string>().ToUpperInvariant(), user["NormalizedUserName"]!.GetValue<string>());
        var types = Step("ContentDefinition")["ContentTypes"]!.AsArray();
        foreach (var term in new[] { "Category", "Tag" })
        {
            var autoroute = types.Single(t => t!["Name"]!.GetValue<string>() == term)!["ContentTypePartDefinitionRecords"]!.AsArray()
                .Single(p => p!["PartName"]!.GetValue<string>() == "AutoroutePart")!["Settings"]!["AutoroutePartSettings"]!;
            Assert.Equal("{{ Model.ContentItem | display_text | slugify }}", autoroute["Pattern"]!.GetValue<string>());
            Assert.True(autoroute["ManageContainedItemRoutes"]!.GetValue<bool>());
        }

        var plan = Step("deployment")["Plans"]!.AsArray().Single()!;
        Assert.Equal("AllContentDeploymentStep", plan["Steps"]![0]!["Type"]!.GetValue<string>());
        Assert.Null(plan["DeploymentSteps"]);
    }
}
