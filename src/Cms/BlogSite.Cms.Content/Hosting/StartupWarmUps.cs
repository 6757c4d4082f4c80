using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Content.Hosting;

/// Runs every module's <see cref="IStartupWarmUp"/> in the background, one after the other in one scope. A warm-up only
/// fills caches a request would fill anyway, so one that fails (or is cut short by a stop) is logged at debug level and
/// the next one runs.
public static class StartupWarmUps
{
    public static Task Start(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        return StartWith(services, services.GetRequiredService<IHostApplicationLifetime>(), logger);
    }

    /// <see cref="Start"/> with the host's lifetime given, for a host that may already be gone.
    public static Task StartWith(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(logger);
        var stopping = lifetime.ApplicationStopping;
        return Task.Run(async () =>
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                foreach (var warmUp in scope.ServiceProvider.GetServices<IStartupWarmUp>())
                {
                    await WarmUpAsync(warmUp, scope.ServiceProvider, logger, stopping);
                }
            }
            catch (ObjectDisposedException)
            {
                // The host stopped before the warm-up began.
            }
        }, CancellationToken.None);
    }

    private static async Task WarmUpAsync(IStartupWarmUp warmUp, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await warmUp.WarmUpAsync(services, stopping);
        }
#pragma warning disable CA1031 // the first request computes whatever a failed warm-up left out
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogDebug(e, "The warm-up {WarmUp} stopped; the first requests compute what it left out.", warmUp.GetType().Name);
        }
    }
}
