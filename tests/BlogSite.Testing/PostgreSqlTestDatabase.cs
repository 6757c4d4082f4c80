using Npgsql;

namespace BlogSite.Testing;

/// A fresh database on the PostgreSQL server that tests/run.sh starts on 127.0.0.1. BLOGSITE_TEST_POSTGRES overrides
/// the server connection string.
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=blogsite;Password=blogsite;Database=postgres";

    private readonly string name = $"blogsite_test_{Guid.NewGuid():N}";

    private PostgreSqlTestDatabase()
    {
    }

    /// The server's connection string (its postgres database), for anything that makes databases of its own there.
    public static string Server => Environment.GetEnvironmentVariable("BLOGSITE_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    public override string Provider => "PostgreSql";

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var database = new PostgreSqlTestDatabase();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    protected override async ValueTask DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
