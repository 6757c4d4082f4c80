using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BlogSite.Cms.Content.Storage;

/// INSERTs on the context's own connection and transaction, for imports of many thousands of rows where EF Core's
/// change tracking would cost more than the writes: on SQLite one prepared single-row statement run again and again
/// (SQLite's fastest way in), on PostgreSQL a binary COPY. Multi-row INSERTs of thousands of parameters, which
/// PostgreSQL took before, cost more to build, parse and plan than the rows cost to write.
public sealed class BulkInserter(CmsDbContext db)
{
    private readonly Dictionary<string, Dictionary<string, string>> columnTypes = new(StringComparer.Ordinal);

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
            await CopyEntitiesAsync(npgsql, rows, entities, readBack, cancellationToken);
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

    /// Inserts the rows into a table the model does not map (the full-text index).
    public async Task InsertAsync(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
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
            await CopyAsync(npgsql, table, columns, rows, cancellationToken);
            return;
        }

        await InsertOneByOneAsync(connection, table, columns, rows, returning: null, cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    private static void SetKey(Microsoft.EntityFrameworkCore.Metadata.IProperty key, object entity, object value) =>
        key.PropertyInfo!.SetValue(entity, Convert.ChangeType(value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    /// The keys come from the identity column's sequence first, in order, as INSERTs would take them, so the rows are
    /// copied in with their keys instead of inserted to read the keys back.
    private async Task CopyEntitiesAsync<TEntity>(
        NpgsqlConnection connection, EntityRows rows, IReadOnlyList<TEntity> entities, bool readBack, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!readBack)
        {
            await CopyAsync(connection, rows.Table, rows.Columns, [.. entities.Select(e => rows.ValuesOf(e))], cancellationToken);
            return;
        }

        var keys = new List<long>(entities.Count);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)";
            command.Parameters.AddWithValue("table", $"\"{rows.Table}\"");
            command.Parameters.AddWithValue("column", rows.GeneratedKeyColumn!);
            command.Parameters.AddWithValue("count", entities.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetInt64(0));
            }
        }

        for (var i = 0; i < entities.Count; i++)
        {
            SetKey(rows.GeneratedKey!, entities[i], keys[i]);
        }

        await CopyAsync(
            connection, rows.Table, [rows.GeneratedKeyColumn!, .. rows.Columns],
            [.. entities.Select((e, i) => (object?[])[keys[i], .. rows.ValuesOf(e)])], cancellationToken);
    }

    /// COPY converts nothing, so each value is written as its column's own type, read from the catalog (the model does
    /// not map every table written here).
    private async Task CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var types = await ColumnTypesAsync(connection, table, cancellationToken);
        var typeOf = columns.Select(c => types.TryGetValue(c, out var type) ? type : throw new InvalidOperationException($"{table} has no column {c}.")).ToArray();
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var c = 0; c < typeOf.Length; c++)
            {
                if (row[c] is { } value)
                {
                    await importer.WriteAsync(value, typeOf[c], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        if (columnTypes.TryGetValue(table, out var known))
        {
            return known;
        }

        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped";
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return columnTypes[table] = types;
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
