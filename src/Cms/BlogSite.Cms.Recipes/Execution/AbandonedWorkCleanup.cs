using BlogSite.Cms.Content.Media;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Recipes.Execution;

/// Removes, when a node starts, what imports, pushes and exports leave behind when their process is killed: media
/// staged beside the media folder and temporary archives and folders. A failed run cleans up after itself; only a kill
/// leaves these. Only what nothing has touched for an hour goes, since another node may be importing right now.
public sealed class AbandonedWorkCleanup(MediaStore media, TimeProvider clock, ILogger<AbandonedWorkCleanup> logger) : IHostedService
{
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private static readonly string[] TemporaryPatterns = ["blogsite-deployment-*", "blogsite-archive-*", "blogsite-export-*.zip", "blogsite-push-*.zip"];

    /// Never fails a start: what cannot be looked at now is left for the next one.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var removed = Remove(new DirectoryInfo(media.Beside("staging")), "*") + TemporaryPatterns.Sum(p => Remove(new DirectoryInfo(Path.GetTempPath()), p));
            if (removed > 0)
            {
                logger.LogInformation("Removed {Count} staging folders and temporary files left by imports or exports that were stopped.", removed);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Looking for what stopped imports and exports left behind failed; the next start looks again.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// The newest write anywhere inside: a running import writes into sub-folders and grows files, which leaves the
    /// top folder's own time as it was.
    private static DateTime LastTouchedUtc(FileSystemInfo entry) =>
        entry is DirectoryInfo folder
            ? folder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Select(e => e.LastWriteTimeUtc).Append(folder.LastWriteTimeUtc).Max()
            : entry.LastWriteTimeUtc;

    private int Remove(DirectoryInfo parent, string pattern)
    {
        if (!parent.Exists)
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in parent.EnumerateFileSystemInfos(pattern))
        {
            try
            {
                // Another node's import may finish and remove its folder while it is looked at.
                if (clock.GetUtcNow().UtcDateTime - LastTouchedUtc(entry) < AbandonedAfter)
                {
                    continue;
                }

                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }

                removed++;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                // Removed meanwhile by the run that made it, or by another node.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not remove {Path}, left by a stopped import or export.", entry.FullName);
            }
        }

        return removed;
    }
}
