using BlogSite.Cms.Content.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlogSite.UnitTests.Content.Hosting;

public sealed class StartupWarmUpsTests
{
    [Fact]
    public async Task EveryWarmUpRunsInOneScopeAndAFailingOneDoesNotStopTheNext()
    {
        var ran = new List<(string Name, IServiceProvider Services)>();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddScoped<IStartupWarmUp>(_ => new RecordingWarmUp("first", ran, fail: true))
            .AddScoped<IStartupWarmUp>(_ => new RecordingWarmUp("second", ran, fail: false))
            .BuildServiceProvider();

        await StartupWarmUps.Start(services, NullLogger.Instance);

        Assert.Equal(["first", "second"], ran.Select(r => r.Name));
        Assert.Same(ran[0].Services, ran[1].Services);
        Assert.NotSame(services, ran[0].Services);
    }

    [Fact]
    public async Task AHostAlreadyDisposedEndsTheWarmUpQuietly()
    {
        var ran = new List<(string Name, IServiceProvider Services)>();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostApplicationLifetime, ApplicationLifetime>()
            .AddScoped<IStartupWarmUp>(_ => new RecordingWarmUp("only", ran, fail: false))
            .BuildServiceProvider();
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        await services.DisposeAsync();

        await StartupWarmUps.StartWith(services, lifetime, NullLogger.Instance);

        Assert.Empty(ran);
    }

    private sealed class RecordingWarmUp(string name, List<(string, IServiceProvider)> ran, bool fail) : IStartupWarmUp
    {
        public Task WarmUpAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            ran.Add((name, services));
            return fail ? Task.FromException(new InvalidOperationException("the database went away")) : Task.CompletedTask;
        }
    }
}
