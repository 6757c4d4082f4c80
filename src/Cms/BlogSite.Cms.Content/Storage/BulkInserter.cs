using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BlogSite.Cms.Content.Storage;

/// INSERTs on the context's own connection and transaction, for imports of many thousands of rows where EF Core's
/// change tracking would cost more than the writes: on SQLite one prepared single-row statement run again and again
/// (SQLite's fastest way in), on PostgreSQL multi-row statements (fewer round trips).
public sealed class BulkInserter(CmsDbContext db)
{
    private const int MaxParameters = 30_000;
    private const int MaxRows = 1_000;

    /// Inserts the entities into their table, every column the model maps. With <paramref name="readKeysBy"/> (a
    /// unique property), the keys the database made are read back and set on the entities.
    public async Task InsertAsync<TEntity>(IReadOnlyList<TEntity> entities, string? readKeysBy, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        var rows = EntityRows.Of<TEntity>(db);
        var readBack = readKeysBy is not null && rows.GeneratedKey is not null;
        var results = await InsertAsync(
            rows.Table, rows.Columns, [.. entities.Select(e => rows.ValuesOf(e))],
            readBack ? [rows.GeneratedKeyColumn!, rows.ColumnOf(readKeysBy!)] : null,
            cancellationToken);
        if (!readBack)
        {
            return;
        }

        var match = typeof(TEntity).GetProperty(readKeysBy!)!;
        var keys = results.ToDictionary(r => r[1], r => Convert.ChangeType(r[0], rows.GeneratedKey!.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var entity in entities)
        {
            rows.GeneratedKey!.PropertyInfo!.SetValue(entity, keys[match.GetValue(entity)!]);
        }
    }

    /// Inserts the rows into a table the model does not map (the full-text index); with <paramref name="returning"/>,
    /// reads back those columns of every inserted row.
    public async Task<List<object[]>> InsertAsync(
        string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, IReadOnlyList<string>? returning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var results = new List<object[]>();
        if (rows.Count == 0)
        {
            return results;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(MaxRows, MaxParameters / columns.Count));
        if (perStatement == 1)
        {
            return await InsertOneByOneAsync(connection, transaction, table, columns, rows, returning, cancellationToken);
        }

        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO \"{table}\" ({columnList}) VALUES ");
            var p = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{p++}";
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = chunk[r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            if (returning is { Count: > 0 })
            {
                sql.Append(" RETURNING ").Append(string.Join(", ", returning.Select(c => $"\"{c}\"")));
            }

            command.CommandText = sql.ToString();
            await ExecuteAsync(command, returning, results, cancellationToken);
        }

        return results;
    }

    private static async Task<List<object[]>> InsertOneByOneAsync(
        DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        IReadOnlyList<string>? returning, CancellationToken cancellationToken)
    {
        var results = new List<object[]>(returning is { Count: > 0 } ? rows.Count : 0);
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})"
            + (returning is { Count: > 0 } ? " RETURNING " + string.Join(", ", returning.Select(c => $"\"{c}\"")) : "");
        await PreparedStatement.RunForEachAsync(
            connection, transaction, sql, [.. columns.Select((_, i) => $"@p{i}")], rows, command => ExecuteAsync(command, returning, results, cancellationToken), cancellationToken);
        return results;
    }

    /// Runs the INSERT; with RETURNING columns, adds every row it reads back to <paramref name="results"/>.
    private static async Task ExecuteAsync(DbCommand command, IReadOnlyList<string>? returning, List<object[]> results, CancellationToken cancellationToken)
    {
        if (returning is not { Count: > 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[returning.Count];
            reader.GetValues(values);
            results.Add(values);
        }
    }
}
