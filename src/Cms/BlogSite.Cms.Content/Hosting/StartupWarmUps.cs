using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Content.Hosting;

/// Runs every module's <see cref="IStartupWarmUp"/> in the background, one after the other in one scope, from the moment
/// the host says the database is ready (<see cref="Begin"/>). The host waits for it when it stops, so a warm-up never
/// reads services that are gone. A warm-up only fills caches a request would fill anyway, so one that fails is logged
/// and the next one runs.
public sealed class StartupWarmUps(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StartupWarmUps> logger) : IHostedService
{
    private Task running = Task.CompletedTask;

    public void Begin() => running = Task.Run(() => RunAsync(lifetime.ApplicationStopping), CancellationToken.None);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting; it stops anyway.
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var warmUp in scope.ServiceProvider.GetServices<IStartupWarmUp>())
        {
            try
            {
                await warmUp.WarmUpAsync(scope.ServiceProvider, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the first request computes whatever a failed warm-up left out, and meets the same error
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "The warm-up {WarmUp} failed; the first requests compute what it left out.", warmUp.GetType().Name);
            }
        }
    }
}
