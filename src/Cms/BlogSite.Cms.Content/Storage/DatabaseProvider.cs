namespace BlogSite.Cms.Content.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
