using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Recipes.Execution;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlogSite.UnitTests.Recipes.Execution;

/// What a killed import leaves (staged media beside the media folder, temporary archive folders) is removed when a
/// node starts, once nothing has touched it for an hour; what another node may be writing right now stays.
public sealed class AbandonedWorkCleanupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-cleanup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AStartRemovesStagingAndTemporaryFoldersLeftAnHourAgoAndKeepsFreshOnes()
    {
        var media = new MediaStore(Options.Create(new MediaOptions { Path = Path.Combine(folder, "media") }));
        var abandoned = Stage(media.Beside("staging"), TimeSpan.FromHours(2));
        var inUse = Stage(media.Beside("staging"), TimeSpan.FromMinutes(5));
        // Started long ago, but a file deep inside is still being written.
        var longRunning = Stage(media.Beside("staging"), TimeSpan.FromHours(5));
        File.SetLastWriteTimeUtc(Path.Combine(longRunning, "2016", "photo.jpg"), DateTime.UtcNow);
        var oldArchive = Stage(Path.GetTempPath(), TimeSpan.FromHours(3), $"blogsite-archive-{Guid.NewGuid():N}");
        var somethingElse = Stage(Path.GetTempPath(), TimeSpan.FromHours(3), $"not-blogsite-{Guid.NewGuid():N}");

        try
        {
            await new AbandonedWorkCleanup(media, TimeProvider.System, NullLogger<AbandonedWorkCleanup>.Instance).StartAsync(CancellationToken.None);

            Assert.False(Directory.Exists(abandoned));
            Assert.False(Directory.Exists(oldArchive));
            Assert.True(Directory.Exists(inUse));
            Assert.True(Directory.Exists(longRunning));
            Assert.True(Directory.Exists(somethingElse));
        }
        finally
        {
            Directory.Delete(somethingElse, recursive: true);
        }
    }

    private static string Stage(string parent, TimeSpan age, string? name = null)
    {
        var path = Directory.CreateDirectory(Path.Combine(parent, name ?? Guid.NewGuid().ToString("N"))).FullName;
        var staged = Directory.CreateDirectory(Path.Combine(path, "2016")).FullName;
        File.WriteAllText(Path.Combine(staged, "photo.jpg"), "half an import");
        foreach (var entry in new[] { Path.Combine(staged, "photo.jpg"), staged, path })
        {
            File.SetLastWriteTimeUtc(entry, DateTime.UtcNow - age);
        }
        return path;
    }
}
