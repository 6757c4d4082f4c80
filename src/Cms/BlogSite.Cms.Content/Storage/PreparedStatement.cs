using System.Data.Common;

namespace BlogSite.Cms.Content.Storage;

/// One statement prepared once and run again for every row of values: SQLite's fastest way to write many rows, which
/// the bulk inserter and the bulk updater both take there.
internal static class PreparedStatement
{
    /// Binds each row's values to <paramref name="names"/>, in order, and runs the command with <paramref name="execute"/>.
    public static async Task RunForEachAsync(
        DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> names, IEnumerable<object?[]> rows,
        Func<DbCommand, Task> execute, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await execute(command);
        }
    }
}
