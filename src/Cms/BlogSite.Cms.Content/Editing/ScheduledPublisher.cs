using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Content.Editing;

/// Publishes scheduled versions when they fall due, whether or not anyone visits the site. A schedule belongs to
/// the version that was scheduled: drafts saved after it are not published with it. The publisher looks at the
/// database at least once a minute, so schedules saved on other nodes and versions due while the site was down are
/// published too (late, never lost); nodes sharing a database take turns per item, so a version is published once. A version that cannot go live (its path was taken meanwhile) is logged once and left scheduled; it is
/// tried again when it changes or the site restarts.
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, TimeProvider clock, PublishingSchedule schedule, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    /// Versions (by concurrency stamp) that failed to publish, so they are not retried in a tight loop.
    private readonly HashSet<string> failed = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var change = schedule.NextChange;
            var wait = LongestWait;
            try
            {
                var next = await PublishDueAsync(stoppingToken);
                if (next is { } when)
                {
                    var untilDue = when - clock.GetUtcNow().UtcDateTime;
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < LongestWait ? untilDue : LongestWait;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unavailable must not stop scheduling for the life of the process.
                LogFailed(logger, e);
            }

            try
            {
                await PublishingSchedule.WaitAsync(change, wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// Publishes every version whose schedule has come and returns when the next one falls due.
    public async Task<DateTime?> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<FeatureManager>().IsEnabledAsync(CmsContentModule.PublishLaterFeature, cancellationToken))
        {
            // The feature is off: schedules wait, and enabling it wakes this service.
            return null;
        }

        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ContentItems.AsNoTracking()
            .Where(x => !x.Published && x.ScheduledPublishUtc != null && x.ScheduledPublishUtc <= now)
            .Select(x => new { x.ContentItemId, x.ContentItemVersionId, x.DisplayText, x.ConcurrencyStamp })
            .ToListAsync(cancellationToken);
        foreach (var version in due.Where(v => !failed.Contains(v.ConcurrencyStamp)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                // Nodes sharing a PostgreSQL database take turns per item: the second finds it published and skips it,
                // so each due version goes live exactly once, whichever nodes are up.
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({version.ContentItemId}))", cancellationToken);
                }

                // Publish exactly the version that was scheduled, and only if it still is (nobody published,
                // unscheduled or rescheduled it since the query above).
                var stillDue = await db.ContentItems.AnyAsync(
                    x => x.ContentItemVersionId == version.ContentItemVersionId && !x.Published && x.ScheduledPublishUtc != null && x.ScheduledPublishUtc <= now,
                    cancellationToken);
                if (stillDue && await store.PublishAsync(version.ContentItemId, version.ContentItemVersionId, cancellationToken))
                {
                    LogPublished(logger, version.DisplayText, version.ContentItemId);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (e is ContentConflictException or DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                failed.Add(version.ConcurrencyStamp);
                LogItemFailed(logger, version.ContentItemId, e.Message);
            }
        }

        return await db.ContentItems.AsNoTracking()
            .Where(x => !x.Published && x.ScheduledPublishUtc != null && x.ScheduledPublishUtc > now)
            .MinAsync(x => x.ScheduledPublishUtc, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled item '{Title}' ({ContentItemId}).")]
    private static partial void LogPublished(ILogger logger, string title, string contentItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled item {ContentItemId} could not be published: {Reason}")]
    private static partial void LogItemFailed(ILogger logger, string contentItemId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; trying again within a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
