using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Recipes.Setup;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Web.CommandLine;

/// Whether the configured database holds a site (set up, or holding imported content), found without creating anything: a missing SQLite file is
/// not made, an unreachable PostgreSQL server is not an error.
internal static class SiteDatabase
{
    /// Where the site is (the SQLite file, or the PostgreSQL database and host), or null when there is none.
    public static async Task<string?> DescribeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CmsDbContext>();
        if (db.Database.IsSqlite()
            ? DatabaseLocation.SqliteFile(db.Database) is not { Length: > 0 } file || !File.Exists(file)
            : !await db.Database.CanConnectAsync(cancellationToken))
        {
            return null;
        }

        var where = DatabaseLocation.Describe(db.Database);
        try
        {
            return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
                && (await services.GetRequiredService<SetupService>().IsSetUpAsync(cancellationToken) || await db.ContentItems.AnyAsync(cancellationToken))
                ? where
                : null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return null;
        }
    }
}
