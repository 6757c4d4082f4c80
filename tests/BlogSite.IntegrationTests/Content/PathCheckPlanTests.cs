using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Storage;
using BlogSite.IntegrationTests.PublicSite;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlogSite.IntegrationTests.Content;

/// The path check every import batch runs, on PostgreSQL, as the first bulk import into a new site meets it: inside the
/// import's transaction, on a route table the planner has no statistics for (nothing has analyzed it, and autovacuum
/// cannot see rows not yet committed), under the generic plan PostgreSQL reuses for a statement it has run five times.
/// A plan that reads the whole table there makes an import quadratic: every batch scans every route written before it.
public sealed class PathCheckPlanTests : IAsyncLifetime
{
    /// What a bulk import has written by its 40th batch: 20,000 published posts, each with its route.
    private const string WriteRoutes = """
        INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "Data", "ConcurrencyStamp")
        SELECT 'item' || g, 'version' || g, 'BlogPost', 'Post ' || g, TRUE, TRUE, 'null', 'stamp'
        FROM generate_series(1, 20000) AS g;
        INSERT INTO "RouteIndex" ("DocumentId", "Path", "ContentItemId", "Published", "Latest")
        SELECT "Id", '/blog/post-' || "Id", "ContentItemId", TRUE, TRUE FROM "ContentItems";
        """;

    private readonly SqlRecorder recorder = new();
    private PostgreSqlTestDatabase? database;
    private ServiceProvider? services;

    public async Task InitializeAsync()
    {
        database = await PostgreSqlTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        services = new ServiceCollection().AddLogging().AddCmsContent(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await new DatabaseMigrator(scope.ServiceProvider.GetRequiredService<CmsDbContext>()).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        recorder.Dispose();
    }

    [Fact]
    public async Task AnImportsPathCheckLooksPathsUpInThePathIndexBeforeTheTableWasEverAnalyzed()
    {
        await using var scope = services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(WriteRoutes);
        var free = Enumerable.Range(0, 500).Select(i => $"/blog/new-post-{i}").ToList();
        var name = new NpgsqlConnectionStringBuilder(database!.ConnectionString).Database!;
        recorder.Take(name);

        Assert.Null(await scope.ServiceProvider.GetRequiredService<RouteAvailability>().FindTakenAsync(free, exceptContentItemId: null, includeDrafts: false));

        var check = Assert.Single(recorder.Take(name));
        var plan = await ExplainGenericPlanAsync((NpgsqlConnection)db.Database.GetDbConnection(), check);
        Assert.DoesNotContain("RouteIndex", plan.ScannedTables);
        Assert.Contains("RouteIndex", plan.IndexedTables);
    }

    /// EXPLAIN with bound values plans for those values; the plan PostgreSQL reuses is planned for none, which only a
    /// prepared statement under plan_cache_mode = force_generic_plan shows.
    private static async Task<QueryPlan> ExplainGenericPlanAsync(NpgsqlConnection connection, RecordedStatement statement)
    {
        var names = statement.Parameters.Select(p => p.ParameterName.TrimStart('@')).ToList();
        var positional = Regex.Replace(statement.Text, @"@(\w+)", m => names.IndexOf(m.Groups[1].Value) is var i and >= 0 ? $"${i + 1}" : m.Value);
        await using (var prepare = new NpgsqlCommand($"SET LOCAL plan_cache_mode = force_generic_plan; PREPARE path_check AS {positional}", connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        // EXECUTE is a utility statement, which takes no bound values: they are written into it.
        var arguments = string.Join(", ", statement.Parameters.Select(p => Literal(p.Value)));
        await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) EXECUTE path_check({arguments})", connection);
        var json = (string)(await explain.ExecuteScalarAsync())!;
        return QueryPlan.Parse(statement.Text, JsonNode.Parse(json)![0]!["Plan"]!);
    }

    private static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        bool flag => flag ? "TRUE" : "FALSE",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        IEnumerable<string> texts => "ARRAY[" + string.Join(", ", texts.Select(Literal)) + "]::text[]",
        _ => throw new NotSupportedException($"No literal for {value.GetType()}."),
    };
}
