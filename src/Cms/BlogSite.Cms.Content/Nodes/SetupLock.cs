using BlogSite.Cms.Content.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlogSite.Cms.Content.Nodes;

/// Lets one node at a time migrate and set up a shared PostgreSQL database: nodes that start together on an empty
/// database wait here, and the ones after the first find the site set up. A PostgreSQL advisory lock, held by a
/// connection of its own, is released when that connection closes, so a node that dies while holding it frees it.
/// An SQLite file belongs to one node, which needs no lock.
public sealed class SetupLock(IOptions<DatabaseOptions> options)
{
    // Any fixed number: advisory locks are named by numbers, and this one means "BlogSite's setup".
    private const long LockKey = 0x426C_6F67_5369_7465;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return new Held(null);
        }

        // Not from the pool: the lock must end with this connection, never live on in a pooled one.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", LockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the unpooled connection ends its session, and the lock with it, even if unlocking failed.
                await connection.DisposeAsync();
            }
        }
    }
}
