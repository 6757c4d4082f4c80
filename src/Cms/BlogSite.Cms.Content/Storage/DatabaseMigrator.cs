using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// Brings the schema up to date; SQLite is switched to WAL so readers never wait for the writer.
public sealed class DatabaseMigrator(CmsDbContext db)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await MigrateAsync(await AppliedMigrationsAsync(cancellationToken), cancellationToken);

    /// Migrates a database whose <paramref name="applied"/> migrations were just read (null for a new database).
    public async Task MigrateAsync(IReadOnlyList<string>? applied, CancellationToken cancellationToken = default)
    {
        // Migrating takes a lock and reads the history twice even when nothing is pending; most starts have nothing to do.
        if (applied is null || db.Database.GetMigrations().Except(applied, StringComparer.Ordinal).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// The migrations applied to the database, or null when it is new (an empty file, an empty PostgreSQL database). The
    /// history table is looked up in the catalog first: reading a history that is not there fails, and EF Core logs the
    /// failure (Npgsql's own existence check reads it too).
    public async Task<IReadOnlyList<string>?> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        if (!await HasHistoryAsync(cancellationToken))
        {
            return null;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return applied.Count == 0 ? null : applied;
    }

    private async Task<bool> HasHistoryAsync(CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = db.Database.IsSqlite()
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
                : "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '__EFMigrationsHistory'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
