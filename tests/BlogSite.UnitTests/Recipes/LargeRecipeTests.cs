using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using Microsoft.EntityFrameworkCore;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes;

/// Recipes read from files: content items streamed from the file, imported in batches, with progress.
public sealed class LargeRecipeTests : IAsyncLifetime
{
    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    private static string ManyPosts(int count) =>
        With(EnableBlog, ContentStep([.. Enumerable.Range(0, count).Select(i => Post($"post{i:D22}", $"blog/post-{i}", $"Post {i}"))]));

    [Fact]
    public async Task AFileRecipeKeepsItsContentItemsOutOfTheParsedSteps()
    {
        var path = Path.Combine(store.RecipeFolder, "big.recipe.json");
        await File.WriteAllTextAsync(path, "// a comment first\n" + ManyPosts(3));

        var recipe = await RecipeReader.ReadFileAsync(path);

        Assert.True(recipe.FileItems!.Streams(1));
        Assert.False(recipe.FileItems.Streams(0));
        Assert.Empty((JsonArray)recipe.Steps[1]!["Data"]!);
        Assert.Equal(3, recipe.FileItems.Count(1));
        Assert.Equal(["post0000000000000000000000", "post0000000000000000000001", "post0000000000000000000002"],
            recipe.FileItems.Read(1).Select(i => i!["ContentItemId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ThousandsOfItemsImportInBatchesAndASecondRunChangesNothing()
    {
        var progress = new List<RecipeProgress>();
        var first = await store.RunFileAsync(ManyPosts(1_234), new SynchronousProgress(progress.Add));
        var second = await store.RunFileAsync(ManyPosts(1_234));

        Assert.Equal(1_234, first.Created);
        Assert.Equal(1_234, second.Unchanged);
        Assert.Equal(1_234, await store.CountItemsAsync());
        Assert.Equal(1_234, await store.QueryAsync(db => db.Routes.CountAsync()));
        Assert.Equal([500, 1_000, 1_234], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(1_234, p.Total));
    }

    [Fact]
    public async Task AConflictDeepInABatchNamesItsItem()
    {
        var items = Enumerable.Range(0, 700).Select(i => Post($"post{i:D22}", $"blog/post-{i}", $"Post {i}")).ToList();
        items.Add(Post("post9999999999999999999999", "blog/post-650"));

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunFileAsync(With(EnableBlog, ContentStep([.. items]))));

        Assert.Contains(error.Errors, e => e.JsonPath == "$.steps[1].Data[700].AutoroutePart.Path");
        Assert.Equal(0, await store.CountItemsAsync());
    }

    [Fact]
    public async Task MalformedJsonDeepInAFileNamesItsLine()
    {
        var path = Path.Combine(store.RecipeFolder, "broken.recipe.json");
        // Over the 1 MB read buffer, so the error sits after a refill.
        var lines = ManyPosts(6_000).Split('\n').ToList();
        var at = lines.Count * 9 / 10;
        lines.Insert(at, "  { oops");
        await File.WriteAllTextAsync(path, string.Join('\n', lines));

        var error = await Assert.ThrowsAsync<RecipeException>(() => RecipeReader.ReadFileAsync(path));

        Assert.Contains($"line {at + 1},", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<RecipeProgress> report) : IProgress<RecipeProgress>
    {
        public void Report(RecipeProgress value) => report(value);
    }
}
