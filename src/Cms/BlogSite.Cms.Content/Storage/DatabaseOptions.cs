namespace BlogSite.Cms.Content.Storage;

/// Bound to "BlogSite:Database".
public sealed class DatabaseOptions
{
    public const string Section = "BlogSite:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=App_Data/blogsite.db";
}
