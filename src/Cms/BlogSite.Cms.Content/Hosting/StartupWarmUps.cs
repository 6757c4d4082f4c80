using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Content.Hosting;

/// Runs every module's <see cref="IStartupWarmUp"/> in the background, in one scope. A warm-up only fills caches a
/// request would fill anyway, so one that fails (or is cut short by a stop) is logged and changes nothing.
public static class StartupWarmUps
{
    public static Task Start(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return Task.Run(async () =>
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                foreach (var warmUp in scope.ServiceProvider.GetServices<IStartupWarmUp>())
                {
                    await warmUp.WarmUpAsync(scope.ServiceProvider, stopping);
                }
            }
#pragma warning disable CA1031 // the first request computes whatever a failed warm-up left out
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogDebug(e, "A warm-up stopped; the first requests compute what it left out.");
            }
        }, CancellationToken.None);
    }
}
