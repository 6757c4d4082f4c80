namespace BlogSite.Testing;

public enum TestEngine
{
    Sqlite,
    PostgreSql,
}
