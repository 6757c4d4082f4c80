using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// SQLite keeps 2 MB of pages per connection by default. A recipe's transaction may write more than a gigabyte (100,000
/// posts with their index rows and search text), and with that cache its index inserts kept spilling pages and reading
/// them back, one system call each. The writing connection gets a larger cache while the transaction runs, and the
/// default again before it goes back to the pool, where the connections web requests use stay small.
public sealed class BulkWriteCache(CmsDbContext db)
{
    private const string Enlarge = "PRAGMA cache_size = -65536";
    private const string Restore = "PRAGMA cache_size = -2000";

    /// Holds the context's connection open until the returned scope ends, so the setting stays on the connection the
    /// transaction writes through; PostgreSQL needs nothing of this.
    public async Task<IAsyncDisposable> EnlargeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            return NothingToRestore.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(Enlarge, cancellationToken);
        return new Enlarged(db);
    }

    private sealed class Enlarged(CmsDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync(Restore);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
