namespace BlogSite.Testing;

/// What a test class asks of its site.
public sealed record TestSiteOptions
{
    public TestEngine Engine { get; init; } = TestEngine.Sqlite;

    /// The site's clock; null for the real one.
    public TimeProvider? Clock { get; init; }

    /// Settings added or overridden.
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public bool UsersByRole { get; init; }

    /// Serves on a free loopback port, for browsers and for other sites.
    public bool OnLoopback { get; init; }

    public int SignInAttemptsPerMinute { get; init; } = 1_000;

    /// Modules the test adds to the host, registered as the site's own are.
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Modules { get; init; }
}
