using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// SQLite keeps 2 MB of pages per connection by default. A recipe's transaction may write more than a gigabyte (100,000
/// posts with their index rows and search text), and with that cache its index inserts kept spilling pages and reading
/// them back, one system call each. The writing connection gets a larger cache while the transaction runs, and its own
/// size again before it goes back to the pool, where the connections web requests use stay small.
public sealed class BulkWriteCache(CmsDbContext db)
{
    private const string Enlarge = "PRAGMA cache_size = -65536";

    /// Holds the context's connection open until the returned scope ends, so the setting stays on the connection the
    /// transaction writes through; PostgreSQL needs nothing of this.
    public async Task<IAsyncDisposable> EnlargeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            return NothingToRestore.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var size = await CacheSizeAsync(connection, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Enlarge, cancellationToken);
            return new Enlarged(db, size);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    private static async Task<long> CacheSizeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Enlarged(CmsDbContext db, long size) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var connection = db.Database.GetDbConnection();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA cache_size = " + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await command.ExecuteNonQueryAsync();
            }
            catch (DbException)
            {
                // The import's outcome stands either way; a connection that kept the large cache is not pooled again.
                if (connection is SqliteConnection sqlite)
                {
                    SqliteConnection.ClearPool(sqlite);
                }
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
