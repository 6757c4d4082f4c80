using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// SQLite keeps 2 MB of pages per connection by default. A recipe's transaction may write more than a gigabyte (100,000
/// posts with their index rows and search text), and with that cache its index inserts kept spilling pages and reading
/// them back, one system call each. The writing connection gets a larger cache while the transaction runs, and keeps
/// its statement journals (the pages a statement changed, kept until it succeeds) in memory rather than in a temporary
/// file: written there, they took 6 of the 23 s of system time of updating 100,000 posts in a run by hand. Before the
/// connection goes back to the pool, where the connections web requests use stay small, it gets its own settings again.
public sealed class BulkWriteCache(CmsDbContext db)
{
    private const long TempStoreMemory = 2;

    private static readonly (string Pragma, long Value)[] BulkSettings = [("cache_size", -65_536), ("temp_store", TempStoreMemory)];

    /// Holds the context's connection open until the returned scope ends, so the setting stays on the connection the
    /// transaction writes through; PostgreSQL needs nothing of this.
    public async Task<IAsyncDisposable> EnlargeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            return NothingToRestore.Instance;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var own = new List<(string, long)>();
        var enlarged = new Enlarged(db, own);
        try
        {
            foreach (var (pragma, value) in BulkSettings)
            {
                own.Add((pragma, await ReadAsync(connection, pragma, cancellationToken)));
                await SetAsync(connection, pragma, value, cancellationToken);
            }

            return enlarged;
        }
        catch
        {
            // What was set already is set back before the connection goes back to the pool.
            await enlarged.DisposeAsync();
            throw;
        }
    }

    private static async Task<long> ReadAsync(DbConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task SetAsync(DbConnection connection, string pragma, long value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma} = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Enlarged(CmsDbContext db, IReadOnlyList<(string Pragma, long Value)> own) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var connection = db.Database.GetDbConnection();
            try
            {
                foreach (var (pragma, value) in own)
                {
                    await SetAsync(connection, pragma, value, CancellationToken.None);
                }
            }
            catch (DbException)
            {
                // The import's outcome stands either way; a connection that kept the bulk settings is not pooled again.
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
