using BlogSite.Cms.Recipes.Execution;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes.Steps;

public sealed class MediaStepTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    private IEnumerable<string> MediaFiles() =>
        Directory.Exists(store.MediaFolder)
            ? Directory.EnumerateFiles(store.MediaFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(store.MediaFolder, f)).Order()
            : [];

    [Fact]
    public async Task FilesComeFromPathsNextToTheRecipeOrFromBase64()
    {
        Directory.CreateDirectory(Path.Combine(store.RecipeFolder, "img"));
        await File.WriteAllBytesAsync(Path.Combine(store.RecipeFolder, "img", "a.png"), Png);

        await store.RunAsync(With($$"""
            { "name": "media", "Files": [
                { "TargetPath": "banners/a.png", "SourcePath": "img/a.png" },
                { "TargetPath": "b.png", "Base64": "{{Convert.ToBase64String(Png)}}" } ] }
            """));

        Assert.Equal(["b.png", Path.Combine("banners", "a.png")], MediaFiles());
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(store.MediaFolder, "b.png")));
    }

    [Fact]
    public void EveryBadFileIsReportedWithItsPath()
    {
        var report = store.Validate(With("""
            { "name": "media", "Files": [
                { "TargetPath": "../escape.png", "Base64": "AA==" },
                { "TargetPath": "page.html", "Base64": "AA==" },
                { "TargetPath": "missing.png", "SourcePath": "nowhere/missing.png" },
                { "TargetPath": "bad.png", "Base64": "%%%" },
                { "TargetPath": "empty.png" } ] }
            """));

        Assert.Equal(
            ["$.steps[0].Files[0].TargetPath", "$.steps[0].Files[1].TargetPath", "$.steps[0].Files[2].SourcePath", "$.steps[0].Files[3].Base64", "$.steps[0].Files[4]"],
            report.Errors.Select(e => e.JsonPath));
    }

    [Theory]
    [InlineData("/etc/passwd", "not a path inside the recipe's folder")]
    [InlineData("../../../../../../etc/passwd", "leads out of the recipe's folder")]
    [InlineData("link.png", "is a link")]
    public void HostFilesAreNeverCopiedIntoTheMediaFolder(string source, string reason)
    {
        File.CreateSymbolicLink(Path.Combine(store.RecipeFolder, "link.png"), "/etc/passwd");

        var report = store.Validate(With($$"""{ "name": "media", "Files": [ { "TargetPath": "leak.png", "SourcePath": "{{source}}" } ] }"""));

        var error = Assert.Single(report.Errors);
        Assert.Equal("$.steps[0].Files[0].SourcePath", error.JsonPath);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(store.RecipeFolder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedRecipeLeavesTheMediaFolderAsItWas()
    {
        await store.RunAsync(With($$"""{ "name": "media", "Files": [ { "TargetPath": "kept.png", "Base64": "{{Convert.ToBase64String(Png)}}" } ] }"""));

        await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(With(
            EnableBlog,
            $$"""{ "name": "media", "Files": [ { "TargetPath": "new.png", "Base64": "{{Convert.ToBase64String(Png)}}" }, { "TargetPath": "kept.png", "Base64": "AA==" } ] }""",
            ContentStep(Post("post00000000000000000000001", "blog/x")),
            ContentStep(Post("post00000000000000000000002", "blog/x")))));

        Assert.Equal(["kept.png"], MediaFiles());
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(store.MediaFolder, "kept.png")));
    }
}
