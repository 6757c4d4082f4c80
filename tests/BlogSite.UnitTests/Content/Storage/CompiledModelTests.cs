using System.Text.Json.Nodes;
using BlogSite.Cms.Admin;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Storage.CompiledModels.PostgreSql;
using BlogSite.Cms.Content.Storage.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.UnitTests.Content.Storage;

/// The site runs on the compiled models in Storage/CompiledModels (building the model at start cost about a third of a
/// second), so they must say what CmsDbContext's configuration says, with the application's options (Identity builds
/// part of the model from them), and the migrations must say it too. Converters and comparers are compiled as copies of
/// their code, so their behaviour is compared on sample values.
public sealed class CompiledModelTests : IDisposable
{
    private static readonly Dictionary<Type, object[]> Samples = new()
    {
        [typeof(JsonObject)] = [new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Ünïcode \"quoted\"" }, ["n"] = 1.5 }, new JsonObject()],
        [typeof(DateTime)] = [new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Local), new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Unspecified)],
    };

    // The application's services, as the host registers them: IdentityDbContext reads IdentityOptions.Stores from them.
    private readonly ServiceProvider application = new ServiceCollection()
        .AddLogging()
        .AddCmsAdmin(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    private static string Regenerate(string context, string folder) =>
        "Regenerate it: dotnet ef dbcontext optimize --project src/Cms/BlogSite.Cms.Content --startup-project src/Cms/BlogSite.Cms.Content " +
        $"--context {context} --output-dir Storage/CompiledModels/{folder} --namespace BlogSite.Cms.Content.Storage.CompiledModels.{folder}";

    [Fact]
    public void TheSqliteContextRunsOnACompiledModelThatMatchesItsConfiguration()
    {
        using var context = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>()
            .UseSqlite("Data Source=:memory:").UseApplicationServiceProvider(application).Options);
        Assert.IsType<SqliteCmsDbContextModel>(context.Model);
        AssertSameModel(context, Regenerate(nameof(SqliteCmsDbContext), "Sqlite"));
    }

    [Fact]
    public void ThePostgreSqlContextRunsOnACompiledModelThatMatchesItsConfiguration()
    {
        // The connection is never opened: only the model is read.
        using var context = new PostgreSqlCmsDbContext(new DbContextOptionsBuilder<PostgreSqlCmsDbContext>()
            .UseNpgsql("Host=127.0.0.1").UseApplicationServiceProvider(application).Options);
        Assert.IsType<PostgreSqlCmsDbContextModel>(context.Model);
        AssertSameModel(context, Regenerate(nameof(PostgreSqlCmsDbContext), "PostgreSql"));
    }

    public void Dispose() => application.Dispose();

    private static void AssertSameModel(DbContext context, string regenerate)
    {
        var configured = context.GetService<IDesignTimeModel>().Model;
        var compiled = context.Model;
        var configuredShape = Shape(configured);
        var compiledShape = Shape(compiled);
        var missing = configuredShape.Except(compiledShape).ToList();
        var extra = compiledShape.Except(configuredShape).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The compiled model differs from the configuration.{Environment.NewLine}Only configured: {string.Join("; ", missing)}" +
            $"{Environment.NewLine}Only compiled: {string.Join("; ", extra)}{Environment.NewLine}{regenerate}");

        foreach (var entity in configured.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var twin = compiled.FindEntityType(entity.Name)!.FindProperty(property.Name)!;
                AssertSameBehaviour(property, twin, regenerate);
            }
        }

        Assert.False(context.Database.HasPendingModelChanges(), "The configuration has changes no migration makes: add a migration.");
    }

    private static void AssertSameBehaviour(IReadOnlyProperty configured, IReadOnlyProperty compiled, string regenerate)
    {
        var where = $"{configured.DeclaringType.Name}.{configured.Name}";
        var converter = configured.GetValueConverter();
        if (!Samples.TryGetValue(Nullable.GetUnderlyingType(configured.ClrType) ?? configured.ClrType, out var samples))
        {
            Assert.True(converter is null, $"{where} has a converter: add sample values of {configured.ClrType.Name} to {nameof(CompiledModelTests)}.");
            return;
        }

        var comparer = configured.GetValueComparer() ?? throw new InvalidOperationException($"{where} has no comparer.");
        var twinConverter = compiled.GetValueConverter();
        var twinComparer = compiled.GetValueComparer() ?? throw new InvalidOperationException($"{where} has no compiled comparer. {regenerate}");
        Assert.True((converter is null) == (twinConverter is null), $"{where} has a converter on one side only. {regenerate}");
        foreach (var sample in samples)
        {
            if (converter is not null)
            {
                var stored = converter.ConvertToProvider(sample);
                Assert.True(Text(stored) == Text(twinConverter!.ConvertToProvider(sample)), $"{where} is stored differently. {regenerate}");
                Assert.True(Text(converter.ConvertFromProvider(stored)) == Text(twinConverter.ConvertFromProvider(stored)), $"{where} is read differently. {regenerate}");
            }

            Assert.True(Text(comparer.Snapshot(sample)) == Text(twinComparer.Snapshot(sample)), $"{where} is snapshotted differently. {regenerate}");
            Assert.True(comparer.GetHashCode(sample) == twinComparer.GetHashCode(sample), $"{where} hashes differently. {regenerate}");
            foreach (var other in samples)
            {
                Assert.True(comparer.Equals(sample, other) == twinComparer.Equals(sample, other), $"{where} compares differently. {regenerate}");
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        JsonNode node => node.ToJsonString(),
        DateTime time => $"{time:O} {time.Kind}",
        _ => value?.ToString(),
    };

    /// Everything else a query or a save depends on, one line per fact.
    private static HashSet<string> Shape(IReadOnlyModel model)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var name = $"{entity.Name} in {entity.GetTableName()}";
            lines.Add(name);
            foreach (var property in entity.GetProperties())
            {
                lines.Add($"{name}: {property.Name} {property.ClrType.Name} stored as {property.GetProviderClrType()?.Name} column {property.GetColumnName()} " +
                    $"type {property.GetColumnType()} null {property.IsNullable} max {property.GetMaxLength()} unicode {property.IsUnicode()} " +
                    $"precision {property.GetPrecision()}/{property.GetScale()} generated {property.ValueGenerated} " +
                    $"concurrency {property.IsConcurrencyToken} default {property.GetDefaultValueSql()}/{property.GetDefaultValue()} " +
                    $"converter {property.GetValueConverter()?.GetType().Name} comparer {property.GetValueComparer()?.GetType().Name}");
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

            foreach (var navigation in entity.GetNavigations())
            {
                lines.Add($"{name}: navigation {navigation.Name} to {navigation.TargetEntityType.Name} collection {navigation.IsCollection}");
            }
        }

        foreach (var sequence in model.GetSequences())
        {
            lines.Add($"sequence {sequence.Schema}.{sequence.Name} from {sequence.StartValue} by {sequence.IncrementBy}");
        }

        return lines;
    }
}
