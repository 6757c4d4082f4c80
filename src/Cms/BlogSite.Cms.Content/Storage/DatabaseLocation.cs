using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace BlogSite.Cms.Content.Storage;

/// Where a site's database is, in words an operator recognises and without its password: the SQLite file, or the
/// PostgreSQL database and server.
public static class DatabaseLocation
{
    public static string Describe(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlite())
        {
            return $"the SQLite file {SqliteFile(database)}";
        }

        var postgres = new NpgsqlConnectionStringBuilder(database.GetConnectionString());
        return $"the PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port}";
    }

    /// The SQLite file's path (empty for none); only for an SQLite database.
    public static string SqliteFile(DatabaseFacade database) =>
        new SqliteConnectionStringBuilder(database?.GetConnectionString()).DataSource;
}
