using Microsoft.AspNetCore.Mvc.Testing;

namespace BlogSite.Testing;

/// One host per test class, set up from the real setup recipe on a database of its own.
public abstract class SiteFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private BlogSiteFactory? factory;
    private HttpClient? client;

    public BlogSiteFactory Factory => factory ?? throw new InvalidOperationException("Not initialized.");

    public HttpClient Client => client ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        factory = new BlogSiteFactory(database.Settings);
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();
}

public sealed class SqliteSiteFixture : SiteFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgreSqlSiteFixture : SiteFixture
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}
