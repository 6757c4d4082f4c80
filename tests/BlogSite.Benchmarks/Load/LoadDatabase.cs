using System.Globalization;
using BlogSite.Testing;
using Npgsql;

namespace BlogSite.Benchmarks.Load;

/// Where a measured site keeps its data: a SQLite file in the work folder, or a database of its own on the PostgreSQL
/// server that tests/services/postgres.sh starts on 127.0.0.1 (the tests' server and role, BLOGSITE_TEST_POSTGRES too).
public sealed record LoadDatabase(string Name, string DisplayName)
{
    public static LoadDatabase Parse(string name) => name?.Trim().ToUpperInvariant() switch
    {
        "SQLITE" => new("sqlite", "SQLite"),
        "POSTGRESQL" => new("postgresql", "PostgreSQL"),
        _ => throw new ArgumentException($"--database takes sqlite or postgresql (or both, comma-separated), not '{name}'."),
    };

    /// An empty database for one size; the site's settings that point at it.
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(string folder, int posts)
    {
        if (Name == "sqlite")
        {
            return new Dictionary<string, string> { ["BlogSite__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "blog.db")}" };
        }

        var database = "blogsite_load_" + posts.ToString(CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(PostgreSqlTestDatabase.Server))
        {
            await connection.OpenAsync();
            foreach (var statement in new[] { $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", $"CREATE DATABASE \"{database}\"" })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        return new Dictionary<string, string>
        {
            ["BlogSite__Database__Provider"] = "PostgreSql",
            // The server is on this machine, as the README advises for loopback: no TLS handshake per connection and no
            // encryption of every query (a tenth of a second or more of a cold start).
            ["BlogSite__Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgreSqlTestDatabase.Server) { Database = database, SslMode = SslMode.Disable }.ConnectionString,
        };
    }
}
