using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace BlogSite.IntegrationTests.PublicSite;

/// Records the statements EF Core sends to PostgreSQL, with their parameters and database, through EF Core's
/// diagnostic listener: the host under test is not changed to be watched. It must exist before the host starts, since
/// pooled contexts made earlier may not report to a listener that came later.
public sealed class SqlRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentQueue<RecordedStatement> statements = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable allListeners;

    public SqlRecorder() => allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// The statements sent to <paramref name="database"/> since the last call; hosts of other test classes in the same
    /// process use other databases and are left out.
    public IReadOnlyList<RecordedStatement> Take(string database)
    {
        var taken = new List<RecordedStatement>();
        while (statements.TryDequeue(out var statement))
        {
            taken.Add(statement);
        }

        return [.. taken.Where(s => s.Database == database)];
    }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name
            && value.Value is CommandEventData { Command: NpgsqlCommand command })
        {
            statements.Enqueue(new RecordedStatement(command.Connection?.Database, command.CommandText, [.. command.Parameters.Select(p => p.Clone())]));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}

public sealed record RecordedStatement(string? Database, string Text, IReadOnlyList<NpgsqlParameter> Parameters);
