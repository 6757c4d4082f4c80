namespace BlogSite.Testing;

/// One host per test class, set up from the real setup recipe on a database of its own.
public abstract class SiteFixture : IAsyncLifetime
{
    private TestSite? site;
    private HttpClient? client;

    public BlogSiteFactory Factory => Site.Factory;

    public HttpClient Client => client ?? throw new InvalidOperationException("Not initialized.");

    private TestSite Site => site ?? throw new InvalidOperationException("Not initialized.");

    protected abstract TestEngine Engine { get; }

    public async Task InitializeAsync()
    {
        site = await TestSite.StartAsync(new TestSiteOptions { Engine = Engine });
        client = site.NewClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }
}

public sealed class SqliteSiteFixture : SiteFixture
{
    protected override TestEngine Engine => TestEngine.Sqlite;
}

public sealed class PostgreSqlSiteFixture : SiteFixture
{
    protected override TestEngine Engine => TestEngine.PostgreSql;
}
