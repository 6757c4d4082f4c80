using System.Net;
using BlogSite.Testing;
using BlogSite.Web.CommandLine;
using Microsoft.Extensions.Configuration;

namespace BlogSite.IntegrationTests.PublicSite;

/// Media imported by a recipe's media step, served at /media.
public sealed class MediaTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly SqliteTestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-media-recipe-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ImportedMediaIsServedWithItsTypeAndNothingOutsideTheFolderIs()
    {
        var recipe = Path.Combine(folder, "media.recipe.json");
        await File.WriteAllTextAsync(recipe, $$"""
            { "name": "Media", "steps": [ { "name": "media", "Files": [ { "TargetPath": "img/pixel.png", "Base64": "{{Convert.ToBase64String(Png)}}" } ] } ] }
            """);
        using var output = new StringWriter();
        Assert.Equal(0, await BlogSiteCommandLine.RunAsync(["recipe", "run", recipe], output, output, c => c.AddInMemoryCollection(database.Settings)));

        var besideMedia = Path.Combine(Path.GetDirectoryName(database.MediaFolder)!, $"outside-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(besideMedia, Png);

        await using var factory = new BlogSiteFactory(database.Settings);
        using var client = factory.CreateClient();
        using var image = await client.GetAsync("/media/img/pixel.png");
        using var outside = await client.GetAsync("/media/%2e%2e/" + Path.GetFileName(besideMedia));
        File.Delete(besideMedia);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal([Path.Combine("img", "pixel.png")], Directory.EnumerateFiles(database.MediaFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(database.MediaFolder, f)));
    }
}
