using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Cms.Content.Caching;

/// Collects what each save of a context changes for readers and hands it to <see cref="SiteChangeFeed"/> once it is
/// committed: at the end of the transaction when there is one, so a recipe that rolls back evicts nothing and no reader
/// can cache the old page between an eviction and the commit it announces. One instance serves every context (the
/// contexts' options are built once), keeping each context's pending changes beside it.
public sealed class SiteChangeInterceptor(SiteChangeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// Past this many pages' tags a transaction stales most of the site anyway, so it is announced as a change of every
    /// page: one tag to evict and to send to the other nodes, where re-importing 100,000 posts collected some 200,000.
    public const int SiteWideAbove = 1_000;

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    /// Changes made without the change tracker (bulk inserts), committed with the rest.
    public async Task AddAsync(IReadOnlySet<string> tags, DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(context);
        Of(context).Commit(tags);
        if (context.Database.CurrentTransaction is null)
        {
            await FlushAsync(context);
        }
    }

    /// Changes made without the change tracker, worked out only while they can still narrow what is evicted: once the
    /// transaction stales every page, an import's further items need not be looked at.
    public Task AddAsync(Func<IReadOnlySet<string>> tags, DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return StalesEverything(context) ? Task.CompletedTask : AddAsync(tags(), context, cancellationToken);
    }

    /// Whether the context's transaction already stales every page, so what more it changes need not be worked out.
    public bool StalesEverything(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context).Committing.Contains(CacheTags.Site);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Of(context).Saving.Clear();
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// A pooled context may come back from a scope whose transaction was disposed without a commit or a rollback;
    /// what it had collected then was never committed and must not be announced with the next transaction.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Of(context).Committing.Clear();
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            await FlushAsync(context);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            Of(context).Committing.Clear();
        }
    }

    private void Saving(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            var state = Of(context);
            state.Saving.Clear();
            state.Saving.UnionWith(ChangedContent.TagsOf(context.ChangeTracker));
        }
    }

    private async Task SavedAsync(SaveChangesCompletedEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } context)
        {
            return;
        }

        var state = Of(context);
        state.Commit(state.Saving);
        state.Saving.Clear();
        if (context.Database.CurrentTransaction is null)
        {
            await FlushAsync(context);
        }
    }

    private async Task FlushAsync(DbContext context)
    {
        var state = Of(context);
        if (state.Committing.Count == 0)
        {
            return;
        }

        var change = new SiteChange(new HashSet<string>(state.Committing, StringComparer.Ordinal));
        state.Committing.Clear();
        // Eviction must not be skipped because the request that saved was cancelled after its commit.
        await feed.PublishAsync(change, CancellationToken.None);
    }

    private Pending Of(DbContext context) => pending.GetValue(context, _ => new Pending());

    private sealed class Pending
    {
        public HashSet<string> Saving { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Committing { get; } = new(StringComparer.Ordinal);

        public void Commit(IEnumerable<string> tags)
        {
            if (Committing.Contains(CacheTags.Site))
            {
                return;
            }

            Committing.UnionWith(tags);
            if (Committing.Count > SiteWideAbove || Committing.Contains(CacheTags.Site))
            {
                Committing.Clear();
                Committing.Add(CacheTags.Site);
            }
        }
    }
}
