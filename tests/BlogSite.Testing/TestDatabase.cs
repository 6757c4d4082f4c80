namespace BlogSite.Testing;

/// A database of its own for one test class: an SQLite file or a PostgreSQL database, made and dropped here.
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BlogSite:Database:Provider"] = Provider,
        ["BlogSite:Database:ConnectionString"] = ConnectionString,
    };

    public abstract ValueTask DisposeAsync();
}
