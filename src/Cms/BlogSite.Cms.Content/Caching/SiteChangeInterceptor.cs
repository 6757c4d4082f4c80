using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Cms.Content.Caching;

/// Collects what each save of one context changes for readers and hands it to <see cref="SiteChangeFeed"/> once it is
/// committed: at the end of the transaction when there is one, so a recipe that rolls back evicts nothing and no reader
/// can cache the old page between an eviction and the commit it announces.
public sealed class SiteChangeInterceptor(SiteChangeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private IReadOnlySet<string> saving = new HashSet<string>();

    /// Changes made without the change tracker (bulk inserts), committed with the rest.
    public async Task AddAsync(IReadOnlySet<string> tags, DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(context);
        pending.UnionWith(tags);
        if (context.Database.CurrentTransaction is null)
        {
            await FlushAsync();
        }
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        saving = eventData.Context is { } context ? ChangedContent.TagsOf(context.ChangeTracker) : new HashSet<string>();
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        pending.UnionWith(saving);
        saving = new HashSet<string>();
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await FlushAsync();
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        saving = eventData.Context is { } context ? ChangedContent.TagsOf(context.ChangeTracker) : new HashSet<string>();
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        pending.UnionWith(saving);
        saving = new HashSet<string>();
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            FlushAsync().GetAwaiter().GetResult();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => saving = new HashSet<string>();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        saving = new HashSet<string>();
        return Task.CompletedTask;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await FlushAsync();

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync().GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Clear();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pending.Clear();

    private async Task FlushAsync()
    {
        if (pending.Count == 0)
        {
            return;
        }

        var change = new SiteChange(new HashSet<string>(pending, StringComparer.Ordinal));
        pending.Clear();
        // Eviction must not be skipped because the request that saved was cancelled after its commit.
        await feed.PublishAsync(change, CancellationToken.None);
    }
}
