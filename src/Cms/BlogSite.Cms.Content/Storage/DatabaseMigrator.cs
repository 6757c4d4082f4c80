using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// Brings the schema up to date; SQLite is switched to WAL so readers never wait for the writer.
public sealed class DatabaseMigrator(CmsDbContext db)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Migrating takes a lock and reads the history twice even when nothing is pending; most starts have nothing to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
