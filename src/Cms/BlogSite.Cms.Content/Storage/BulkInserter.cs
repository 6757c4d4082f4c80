using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BlogSite.Cms.Content.Storage;

/// INSERTs on the context's own connection and transaction, for imports of many thousands of rows where EF Core's
/// change tracking would cost more than the writes: on SQLite one prepared single-row statement run again and again
/// (SQLite's fastest way in), on PostgreSQL a binary COPY (<see cref="PostgreSqlCopy"/>).
public sealed class BulkInserter(CmsDbContext db)
{
    /// Inserts the entities into their table, every column the model maps. With <paramref name="readKeysBy"/> (a
    /// unique property), the keys the database made are set on the entities.
    public async Task InsertAsync<TEntity>(IReadOnlyList<TEntity> entities, string? readKeysBy, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        var rows = EntityRows.Of<TEntity>(db);
        var readBack = readKeysBy is not null && rows.GeneratedKey is not null;
        var connection = await OpenAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows, entities, readBack, cancellationToken);
            return;
        }

        var results = await InsertOneByOneAsync(
            connection, rows.Table, rows.Columns, [.. entities.Select(e => rows.ValuesOf(e))],
            readBack ? [rows.GeneratedKeyColumn!, rows.ColumnOf(readKeysBy!)] : null,
            cancellationToken);
        if (!readBack)
        {
            return;
        }

        var match = typeof(TEntity).GetProperty(readKeysBy!)!;
        var keys = results.ToDictionary(r => r[1], r => r[0]);
        foreach (var entity in entities)
        {
            SetKey(rows.GeneratedKey!, entity, keys[match.GetValue(entity)!]);
        }
    }

    /// Inserts the rows into a table the model does not map (the full-text index), whose columns the caller names with
    /// their types.
    public async Task InsertAsync(
        string table, IReadOnlyList<(string Name, string StoreType)> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var connection = await OpenAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            await PostgreSqlCopy.CopyAsync(npgsql, table, columns, rows, cancellationToken);
            return;
        }

        await InsertOneByOneAsync(connection, table, [.. columns.Select(c => c.Name)], rows, returning: null, cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private static void SetKey(IProperty key, object entity, object value) =>
        key.PropertyInfo!.SetValue(entity, Convert.ChangeType(value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task CopyAsync<TEntity>(
        NpgsqlConnection connection, EntityRows rows, IReadOnlyList<TEntity> entities, bool readBack, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!readBack)
        {
            await PostgreSqlCopy.CopyAsync(connection, rows.Table, rows.TypedColumns, entities.Select(e => rows.ValuesOf(e)), cancellationToken);
            return;
        }

        var keys = await PostgreSqlCopy.TakeKeysAsync(connection, rows.Table, rows.GeneratedKeyColumn!, entities.Count, cancellationToken);
        for (var i = 0; i < entities.Count; i++)
        {
            SetKey(rows.GeneratedKey!, entities[i], keys[i]);
        }

        await PostgreSqlCopy.CopyAsync(
            connection, rows.Table, [rows.TypedGeneratedKey!.Value, .. rows.TypedColumns],
            entities.Select((e, i) => (object?[])[keys[i], .. rows.ValuesOf(e)]), cancellationToken);
    }

    private async Task<List<object[]>> InsertOneByOneAsync(
        DbConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, IReadOnlyList<string>? returning,
        CancellationToken cancellationToken)
    {
        var results = new List<object[]>(returning is { Count: > 0 } ? rows.Count : 0);
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})"
            + (returning is { Count: > 0 } ? " RETURNING " + string.Join(", ", returning.Select(c => $"\"{c}\"")) : "");
        await PreparedStatement.RunForEachAsync(
            connection, db.Database.CurrentTransaction?.GetDbTransaction(), sql, [.. columns.Select((_, i) => $"@p{i}")], rows,
            command => ExecuteAsync(command, returning, results, cancellationToken), cancellationToken);
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
