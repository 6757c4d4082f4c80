using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlogSite.Cms.Content.Storage;

/// UPDATEs of many rows by key on the context's own connection and transaction, for imports that rewrite thousands of
/// rows they read without the change tracker: each row is written only while its concurrency token still holds the
/// value the caller read, as EF Core's own UPDATEs are. On SQLite one prepared statement is run again and again; where
/// the provider batches (PostgreSQL), many statements go in one round trip.
public sealed class BulkUpdater(CmsDbContext db)
{
    private const int StatementsPerBatch = 500;

    /// Sets <paramref name="propertyNames"/> of each entity's row to the entity's values. If any row is gone or its
    /// token is no longer the expected one, nothing is known to be written and <see cref="DbUpdateConcurrencyException"/>
    /// is thrown: the caller's transaction must roll back.
    public async Task UpdateAsync<TEntity>(
        IReadOnlyList<(TEntity Entity, object ExpectedToken)> rows, IReadOnlyList<string> propertyNames, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var all = EntityRows.Of<TEntity>(db);
        var key = all.GeneratedKey ?? throw new InvalidOperationException($"{all.Table} has no generated key to update by.");
        var token = all.ConcurrencyToken;
        var set = all.Only(propertyNames);
        var sql = $"UPDATE \"{set.Table}\" SET {string.Join(", ", set.Columns.Select((c, i) => $"\"{c}\" = @p{i}"))} "
            + $"WHERE \"{all.GeneratedKeyColumn}\" = @key AND \"{all.ColumnOf(token.Name)}\" = @token";
        // In key order, as EF Core writes: two imports updating the same rows then lock them in the same order rather
        // than deadlocking.
        var values = rows
            .Select(r => (object?[])[.. set.ValuesOf(r.Entity), key.PropertyInfo!.GetValue(r.Entity), EntityRows.ProviderValue(token, r.ExpectedToken)])
            .OrderBy(row => (IComparable)row[^2]!)
            .ToList();
        var names = set.Columns.Select((_, i) => $"@p{i}").Append("@key").Append("@token").ToArray();

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var written = connection.CanCreateBatch
            ? await InBatchesAsync(connection, transaction, sql, names, values, cancellationToken)
            : await OneByOneAsync(connection, transaction, sql, names, values, cancellationToken);
        if (written != rows.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{rows.Count - written} of {rows.Count} rows of {set.Table} were changed or deleted by someone else since they were read.");
        }
    }

    private static async Task<int> OneByOneAsync(
        DbConnection connection, DbTransaction? transaction, string sql, string[] names, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        await PreparedStatement.RunForEachAsync(
            connection, transaction, sql, names, rows, async command => written += await command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        return written;
    }

    private static async Task<int> InBatchesAsync(
        DbConnection connection, DbTransaction? transaction, string sql, string[] names, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var chunk in rows.Chunk(StatementsPerBatch))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < names.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[i];
                    parameter.Value = row[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            written += await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }
}
