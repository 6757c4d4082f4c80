using System.Diagnostics;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BlogSite.Cms.Content.Search;

/// On PostgreSQL, computes the search vectors large imports leave for later (<see cref="PostgreSqlFullTextIndex"/>),
/// newest posts first, a chunk at a time in short transactions of its own. The rows without a vector are the backlog:
/// it survives restarts, rows of an import still running stay invisible until it commits, and nodes sharing the
/// database split the work (SKIP LOCKED). Each node works at most half of the time, so readers keep fast pages while a
/// large import catches up, and looks for new work every few seconds. A row whose text PostgreSQL refuses to index
/// (a vector over its 1 MB limit) gets an empty vector rather than holding up the rows behind it.
public sealed partial class SearchVectorFiller(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, SiteChangeFeed changes, ILogger<SearchVectorFiller> logger) : BackgroundService
{
    /// The next rows waiting for their vectors, newest first.
    private const string BacklogChunkSql = "SELECT \"DocumentId\" FROM \"SearchIndex\" WHERE \"Vector\" IS NULL ORDER BY \"DocumentId\" DESC LIMIT 250";

    private const string EmptyVectorSql = "UPDATE \"SearchIndex\" SET \"Vector\" = ''::tsvector WHERE \"DocumentId\" = @id AND \"Vector\" IS NULL";

    private static readonly TimeSpan ChunkTimeout = TimeSpan.FromMinutes(2);

    /// One chunk: a couple of hundred milliseconds of one backend for posts of a few kilobytes.
    public const string ChunkSql = "UPDATE \"SearchIndex\" SET \"Vector\" = " + PostgreSqlFullTextIndex.VectorSql
        + " WHERE \"DocumentId\" IN (" + BacklogChunkSql + " FOR UPDATE SKIP LOCKED)";

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(paced: true, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database briefly unavailable (or not set up yet) must not stop indexing for the life of the process.
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// Fills chunks until no row this node can take is left. <paramref name="paced"/>, it pauses after each chunk as
    /// long as the chunk took.
    public async Task<int> CatchUpAsync(bool paced, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            int chunk;
            try
            {
                chunk = await FillChunkAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                // One row's text can fail the whole chunk; row by row, only that row is left without words.
                LogChunkFailed(logger, e);
                chunk = await FillRowByRowAsync(cancellationToken);
            }

            if (chunk == 0)
            {
                break;
            }

            filled += chunk;
            if (paced)
            {
                await Task.Delay(Stopwatch.GetElapsedTime(started), cancellationToken);
            }
        }

        // The node that finishes a backlog tidies the table up for the planner: the import analyzed its rows before they
        // had vectors, and until a VACUUM the new vectors wait in the GIN index's pending list, which makes the planner
        // prefer reading the whole table (see PlannerStatistics).
        if (filled > 0 && await BacklogAsync(cancellationToken) == 0)
        {
            await VacuumAsync(cancellationToken);
        }

        if (filled > 0)
        {
            // Search results are kept until the next change (on every node): the new matches are one.
            await changes.PublishAsync(new SiteChange(new HashSet<string> { CacheTags.Search }), cancellationToken);
        }

        return filled;
    }

    /// Computes the vectors of one chunk of rows that have none; returns how many it computed.
    private async Task<int> FillChunkAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database;
        database.SetCommandTimeout(ChunkTimeout);
        return await database.ExecuteSqlRawAsync(ChunkSql, cancellationToken);
    }

    private async Task<int> FillRowByRowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database;
        var filled = 0;
        foreach (var id in await database.SqlQueryRaw<long>("SELECT \"DocumentId\" AS \"Value\" FROM (" + BacklogChunkSql + ") b").ToListAsync(cancellationToken))
        {
            try
            {
                filled += await database.ExecuteSqlRawAsync(PostgreSqlFullTextIndex.FillSql, [new NpgsqlParameter("ids", new[] { id })], cancellationToken);
            }
            catch (PostgresException e)
            {
                LogRowRefused(logger, id, e);
                filled += await database.ExecuteSqlRawAsync(EmptyVectorSql, [new NpgsqlParameter("id", id)], cancellationToken);
            }
        }

        return filled;
    }

    /// How many rows wait for their vectors (not counting those of imports not yet committed); none on SQLite.
    public async Task<int> BacklogAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"SearchIndex\" WHERE \"Vector\" IS NULL")
            .SingleAsync(cancellationToken);
    }

    private async Task VacuumAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database;
        // 100,000 rows take longer than a page's query is allowed to.
        database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"SearchIndex\"", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing a chunk of search vectors failed; computing them row by row.")]
    private static partial void LogChunkFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL refused to index the text of search row {DocumentId}; it gets no words.")]
    private static partial void LogRowRefused(ILogger logger, long documentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing search vectors failed; trying again shortly.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
