using System.Text.RegularExpressions;
using Npgsql;

namespace BlogSite.Cms.Content.Storage;

/// PostgreSQL's binary COPY, the bulk inserter's way in there: no statement to parse or plan, where multi-row INSERTs of
/// thousands of parameters cost more to build and plan than the rows cost to write.
internal static partial class PostgreSqlCopy
{
    /// Copies the rows in; COPY converts nothing, so each value is written as its column's type (facets such as a
    /// length do not change how a value is sent, and are left out).
    public static async Task CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<(string Name, string StoreType)> columns, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var types = columns.Select(c => Facets().Replace(c.StoreType, "")).ToArray();
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var c = 0; c < types.Length; c++)
            {
                if (row[c] is { } value)
                {
                    await importer.WriteAsync(value, types[c], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// Takes <paramref name="count"/> keys from the identity column's sequence, in ascending order as INSERTs would take
    /// them, so rows can be copied in with their keys instead of inserted to read the keys back.
    public static async Task<List<long>> TakeKeysAsync(
        NpgsqlConnection connection, string table, string keyColumn, int count, CancellationToken cancellationToken)
    {
        var keys = new List<long>(count);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count) ORDER BY 1";
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        command.Parameters.AddWithValue("column", keyColumn);
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.IsDBNull(0) ? throw new InvalidOperationException($"{table}.{keyColumn} has no sequence to take keys from.") : reader.GetInt64(0));
        }

        return keys;
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
