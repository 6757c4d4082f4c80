using BlogSite.Cms.Content.Search;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Storage;

/// Brings what the query planner knows up to date after a bulk write. PostgreSQL plans a freshly filled table from the
/// statistics it had before (an empty one) until autovacuum gets to it, which made the first pages after an import of
/// 20,000 posts take 7.6 s each; and until a VACUUM, new search rows wait in the GIN index's pending list, which makes
/// the planner prefer reading the whole search table. `VACUUM (ANALYZE)` settles both (and the visibility map, for
/// index-only scans). SQLite's `PRAGMA optimize` re-analyzes what changed enough.
public sealed class PlannerStatistics(CmsDbContext db)
{
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"PRAGMA optimize", cancellationToken);
            return;
        }

        // Only the site's own tables: a bare VACUUM would also walk the catalogs of the whole database.
        var tables = db.Model.GetEntityTypes()
            .Select(t => t.GetTableName())
            .OfType<string>()
            .Append(FullTextIndex.TableName)
            .Distinct(StringComparer.Ordinal)
            .Select(name => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        // VACUUM cannot run inside a transaction; callers run this after theirs has committed.
        var vacuum = "VACUUM (ANALYZE) " + string.Join(", ", tables);
        var timeout = db.Database.GetCommandTimeout();
        // A site of hundreds of thousands of items takes longer than a page's query is allowed to.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await db.Database.ExecuteSqlRawAsync(vacuum, cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
