using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Storage.CompiledModels.PostgreSql;
using BlogSite.Cms.Content.Storage.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BlogSite.UnitTests.Content.Storage;

/// The site runs on the compiled models in Storage/CompiledModels (building the model at start cost about a third of a
/// second), so they must say exactly what CmsDbContext's configuration says, and the migrations must say it too.
public sealed class CompiledModelTests
{
    private static string Regenerate(string context, string folder) =>
        "Regenerate it: dotnet ef dbcontext optimize --project src/Cms/BlogSite.Cms.Content --startup-project src/Cms/BlogSite.Cms.Content " +
        $"--context {context} --output-dir Storage/CompiledModels/{folder} --namespace BlogSite.Cms.Content.Storage.CompiledModels.{folder}";

    [Fact]
    public void TheSqliteContextRunsOnACompiledModelThatMatchesItsConfiguration()
    {
        using var context = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.IsType<SqliteCmsDbContextModel>(context.Model);
        AssertSameShape(context, Regenerate(nameof(SqliteCmsDbContext), "Sqlite"));
    }

    [Fact]
    public void ThePostgreSqlContextRunsOnACompiledModelThatMatchesItsConfiguration()
    {
        // The connection is never opened: only the model is read.
        using var context = new PostgreSqlCmsDbContext(new DbContextOptionsBuilder<PostgreSqlCmsDbContext>().UseNpgsql("Host=127.0.0.1").Options);
        Assert.IsType<PostgreSqlCmsDbContextModel>(context.Model);
        AssertSameShape(context, Regenerate(nameof(PostgreSqlCmsDbContext), "PostgreSql"));
    }

    private static void AssertSameShape(DbContext context, string regenerate)
    {
        var configured = Shape(context.GetService<IDesignTimeModel>().Model);
        var compiled = Shape(context.Model);
        var missing = configured.Except(compiled).ToList();
        var extra = compiled.Except(configured).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The compiled model differs from the configuration.{Environment.NewLine}Only configured: {string.Join("; ", missing)}" +
            $"{Environment.NewLine}Only compiled: {string.Join("; ", extra)}{Environment.NewLine}{regenerate}");
        Assert.False(context.Database.HasPendingModelChanges(), "The configuration has changes no migration makes: add a migration.");
    }

    /// Everything a query or a save depends on, one line per fact.
    private static HashSet<string> Shape(IReadOnlyModel model)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var name = $"{entity.Name} in {entity.GetTableName()}";
            lines.Add(name);
            foreach (var property in entity.GetProperties())
            {
                lines.Add($"{name}: {property.Name} {property.ClrType.Name} column {property.GetColumnName()} type {property.GetColumnType()} " +
                    $"null {property.IsNullable} max {property.GetMaxLength()} generated {property.ValueGenerated} " +
                    $"concurrency {property.IsConcurrencyToken} default {property.GetDefaultValueSql()}/{property.GetDefaultValue()} " +
                    $"converter {property.GetValueConverter()?.GetType().Name ?? property.GetTypeMapping().Converter?.GetType().Name}");
            }

            foreach (var key in entity.GetKeys())
            {
                lines.Add($"{name}: key ({string.Join(", ", key.Properties.Select(p => p.Name))}) primary {key.IsPrimaryKey()}");
            }

            foreach (var index in entity.GetIndexes())
            {
                lines.Add($"{name}: index {index.GetDatabaseName()} ({string.Join(", ", index.Properties.Select(p => p.Name))}) unique {index.IsUnique} filter {index.GetFilter()}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                lines.Add($"{name}: foreign key ({string.Join(", ", foreignKey.Properties.Select(p => p.Name))}) to {foreignKey.PrincipalEntityType.Name} " +
                    $"on delete {foreignKey.DeleteBehavior} required {foreignKey.IsRequired}");
            }
        }

        return lines;
    }
}
