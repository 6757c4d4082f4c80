using BlogSite.Cms.Content.Media;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Web.Hosting;

/// Whether this node can write to the media folder (a shared mount, with several nodes).
public sealed class MediaFolderHealthCheck(MediaStore media) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(media.Root, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The media folder {media.Root} cannot be written to.", e);
        }
    }
}
