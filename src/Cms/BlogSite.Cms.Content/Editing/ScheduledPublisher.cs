using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Cms.Content.Editing;

/// Publishes scheduled drafts when they fall due, whether or not anyone visits the site. It looks at the database at
/// least once a minute, so schedules saved on other nodes and items due while the site was down are published too
/// (late, never lost); several nodes publishing the same item is harmless, as a published item is skipped.
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, TimeProvider clock, PublishingSchedule schedule, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
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
                await schedule.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// Publishes every item whose schedule has come and returns when the next one falls due.
    public async Task<DateTime?> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ContentItems.AsNoTracking()
            .Where(x => x.Latest && !x.Published && x.ScheduledPublishUtc != null && x.ScheduledPublishUtc <= now)
            .Select(x => new { x.ContentItemId, x.DisplayText })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (await store.PublishAsync(item.ContentItemId, cancellationToken))
                {
                    LogPublished(logger, item.DisplayText, item.ContentItemId);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception e) when (e is ContentConflictException or DbUpdateException)
            {
                // One item that cannot go live (its path was taken meanwhile) must not hold up the others.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                LogItemFailed(logger, item.ContentItemId, e.Message);
            }
        }

        return await db.ContentItems.AsNoTracking()
            .Where(x => x.Latest && !x.Published && x.ScheduledPublishUtc != null)
            .MinAsync(x => x.ScheduledPublishUtc, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled item '{Title}' ({ContentItemId}).")]
    private static partial void LogPublished(ILogger logger, string title, string contentItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled item {ContentItemId} could not be published: {Reason}")]
    private static partial void LogItemFailed(ILogger logger, string contentItemId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; trying again within a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
