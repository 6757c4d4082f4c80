using Microsoft.Data.Sqlite;

namespace BlogSite.Testing;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-it-").FullName;

    public string FilePath => Path.Combine(folder, "blogsite.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={FilePath}";

    protected override ValueTask DropAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
