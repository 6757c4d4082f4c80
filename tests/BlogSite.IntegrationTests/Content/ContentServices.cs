using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// The content services alone, without a web host, on a migrated database of their own: for tests of the storage layer
/// on either engine.
internal sealed class ContentServices : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider services;

    private ContentServices(TestDatabase database, ServiceProvider services) => (this.database, this.services) = (database, services);

    public static async Task<ContentServices> CreateAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var content = new ContentServices(database, new ServiceCollection().AddLogging().AddCmsContent(configuration).BuildServiceProvider());
        await using var scope = content.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return content;
    }

    public IServiceProvider Services => services;

    public AsyncServiceScope CreateScope() => services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}
