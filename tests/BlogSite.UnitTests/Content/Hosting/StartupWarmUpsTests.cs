using BlogSite.Cms.Content.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace BlogSite.UnitTests.Content.Hosting;

public sealed class StartupWarmUpsTests
{
    [Fact]
    public async Task EveryWarmUpRunsInOneScopeAndAFailingOneDoesNotStopTheNext()
    {
        var ran = new List<(string Name, IServiceProvider Services)>();
        await using var services = Services(
            new RecordingWarmUp("first", ran, () => Task.FromException(new InvalidOperationException("the database went away"))),
            new RecordingWarmUp("second", ran, () => Task.CompletedTask));

        await services.GetRequiredService<StartupWarmUps>().RunAsync(CancellationToken.None);

        Assert.Equal(["first", "second"], ran.Select(r => r.Name));
        Assert.Same(ran[0].Services, ran[1].Services);
        Assert.NotSame(services, ran[0].Services);
    }

    [Fact]
    public async Task TheHostStopsOnlyOnceTheWarmUpHasEnded()
    {
        var ran = new List<(string Name, IServiceProvider Services)>();
        var release = new TaskCompletionSource();
        await using var services = Services(new RecordingWarmUp("slow", ran, () => release.Task));
        var warmUps = services.GetRequiredService<StartupWarmUps>();

        warmUps.Begin();
        var stopping = warmUps.StopAsync(CancellationToken.None);
        await Task.Yield();
        var stoppedEarly = stopping.IsCompleted;
        release.SetResult();
        await stopping;

        Assert.False(stoppedEarly);
        Assert.Single(ran);
    }

    private static ServiceProvider Services(params IStartupWarmUp[] warmUps)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddSingleton<StartupWarmUps>();
        foreach (var warmUp in warmUps)
        {
            services.AddScoped(_ => warmUp);
        }

        return services.BuildServiceProvider();
    }

    private sealed class RecordingWarmUp(string name, List<(string, IServiceProvider)> ran, Func<Task> work) : IStartupWarmUp
    {
        public Task WarmUpAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            lock (ran)
            {
                ran.Add((name, services));
            }

            return work();
        }
    }
}
