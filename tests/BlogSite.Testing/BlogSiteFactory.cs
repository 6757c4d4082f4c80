using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlogSite.Testing;

/// The real host, with its configuration pointed at a test database; every log line is kept for assertions.
public sealed class BlogSiteFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public ConcurrentQueue<string> Logs { get; } = new();

    /// Replaces the site's clock (a fake one lets a test move time instead of waiting).
    public TimeProvider? Clock { get; init; }

    /// Adds to the host's services (a test module registering its permissions, menu entries, parts…).
    public Action<IServiceCollection>? Modules { get; init; }

    /// Serves the host on a free loopback port (for browsers and for other sites) and returns its address.
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }

        if (Modules is not null)
        {
            builder.ConfigureServices(Modules);
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
    }
}
