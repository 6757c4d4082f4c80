using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Content.Storage;

/// Bound to "BlogSite:Database".
public sealed class DatabaseOptions
{
    public const string Section = "BlogSite:Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(ErrorMessage = "BlogSite:Database:ConnectionString is empty; give the database's connection string.")]
    public string ConnectionString { get; set; } = "Data Source=App_Data/blogsite.db";
}
