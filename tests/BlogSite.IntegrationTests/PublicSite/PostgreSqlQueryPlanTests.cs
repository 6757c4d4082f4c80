using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Search;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlogSite.IntegrationTests.PublicSite;

/// The reader pages' queries on PostgreSQL, right after a site of generated posts was imported: PostgreSQL's own
/// EXPLAIN must show each one using the index made for its filter and order, never reading the whole items table.
/// A check of plans, not of timings: a plan that scans stays slow however fast this machine is.
public sealed class PostgreSqlQueryPlanTests(PostgreSqlQueryPlanTests.Site site) : IClassFixture<PostgreSqlQueryPlanTests.Site>
{
    private const string ItemsTable = "ContentItems";

    public static TheoryData<string, string> ListPages => new()
    {
        { "/", "ContainedIndex" },
        { "/?page=200", "ContainedIndex" },
        { "/" + GeneratedRecipe.TagPath(7), "TaxonomyIndex" },
        { "/" + GeneratedRecipe.CategoryPaths[^1], "TaxonomyIndex" },
        { "/archive/2026/06", ItemsTable },
    };

    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task AListPageFindsItsPostsThroughAnIndexOfItsTable(string page, string table)
    {
        var plans = await site.PlansOfAsync(page, afterAChange: true);

        Assert.Contains(plans, plan => plan.IndexedTables.Contains(table));
        Assert.All(plans, plan => Assert.DoesNotContain(table, plan.ScannedTables));
        Assert.All(plans, plan => Assert.DoesNotContain(ItemsTable, plan.ScannedTables));
        if (table != "ContainedIndex")
        {
            // A list is read in its order by walking its index; a sort reads all of it first and then orders it (a term's
            // list read through a one-element IN list did, for all 5,000 posts of a category).
            Assert.All(plans, plan => Assert.False(plan.Sorts, plan.ToString()));
        }
    }

    [Fact]
    public async Task APostPageReadsItsRouteNeighboursAndRelatedPostsWithoutScanningTheItems()
    {
        var plans = await site.PlansOfAsync("/" + GeneratedRecipe.PostPath(1_500));

        Assert.NotEmpty(plans);
        Assert.All(plans, plan => Assert.DoesNotContain(ItemsTable, plan.ScannedTables));
        Assert.Contains(plans, plan => plan.IndexedTables.Contains("TaxonomyIndex"));
    }

    [Theory]
    [InlineData(PostgreSqlFullTextIndex.CountSql)]
    [InlineData(PostgreSqlFullTextIndex.SearchSql)]
    public async Task ASelectiveSearchFindsItsMatchesThroughTheGinIndex(string statement)
    {
        var plan = await site.ExplainAsync(statement,
        [
            new NpgsqlParameter<string>("query", GeneratedRecipe.SelectiveQuery),
            new NpgsqlParameter<int>("window", FullTextIndex.Window),
            new NpgsqlParameter<string>("options", "MaxWords=40, MinWords=20"),
            new NpgsqlParameter<int>("take", 10),
            new NpgsqlParameter<int>("skip", 0),
        ]);

        Assert.True(plan.Indexes.Contains("IX_SearchIndex_Vector"), plan.ToString());
    }

    public sealed class Site : IAsyncLifetime
    {
        private const int Posts = 3_000;

        private readonly string recipe = Path.Combine(Path.GetTempPath(), $"blogsite-plans-{Guid.NewGuid():N}.recipe.json");
        private readonly SqlRecorder recorder = new();
        private TestSite? site;

        private TestSite Current => site ?? throw new InvalidOperationException("Not initialized.");

        public async Task InitializeAsync()
        {
            GeneratedRecipe.Write(recipe, Posts);
            // The site sets itself up from the generated recipe, as an operator's first start with a recipe of their own.
            site = await TestSite.StartAsync(new TestSiteOptions
            {
                Engine = TestEngine.PostgreSql,
                Settings = new Dictionary<string, string?> { ["BlogSite:Setup:Recipe"] = recipe },
            });
            // Counts, months and terms are worked out once per change; the plans looked at are those of each page's own reads.
            using var client = site.NewClient();
            (await client.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
            // Search has its vectors once the filler has caught up with the import (the site's own filler works too).
            var filler = site.Factory.Services.GetRequiredService<SearchVectorFiller>();
            await filler.CatchUpAsync(paced: false, CancellationToken.None);
            await Eventually.TrueAsync(async () => await filler.BacklogAsync(CancellationToken.None) == 0, "every search row has its vector");
            // What the node that finishes the backlog does (SearchVectorBacklogTests), done here whichever node it was.
            await using var connection = new NpgsqlConnection(site.Database.ConnectionString);
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("""VACUUM (ANALYZE) "SearchIndex" """, connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        public async Task DisposeAsync()
        {
            if (site is not null)
            {
                await site.DisposeAsync();
            }

            recorder.Dispose();
            File.Delete(recipe);
        }

        /// The plans of every statement the page's request ran, read while it ran; with <paramref name="afterAChange"/>,
        /// right after a change that alters no list, which is when what the site keeps until any change (a list's
        /// order) is read again.
        public async Task<IReadOnlyList<QueryPlan>> PlansOfAsync(string page, bool afterAChange = false)
        {
            if (afterAChange)
            {
                await Current.Factory.Services.GetRequiredService<SiteChangeFeed>().PublishAsync(new SiteChange(new HashSet<string> { CacheTags.Item("plan-test") }));
            }

            using var client = Current.NewClient();
            var database = new NpgsqlConnectionStringBuilder(Current.Database.ConnectionString).Database!;
            recorder.Take(database);
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var plans = new List<QueryPlan>();
            foreach (var statement in recorder.Take(database).Where(s => s.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                plans.Add(await ExplainAsync(statement.Text, statement.Parameters));
            }

            return plans;
        }

        public async Task<QueryPlan> ExplainAsync(string statement, IReadOnlyList<NpgsqlParameter> parameters)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            await using var connection = new NpgsqlConnection(Current.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + statement, connection);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }


            var json = (string)(await command.ExecuteScalarAsync())!;
            return QueryPlan.Parse(statement, JsonNode.Parse(json)![0]!["Plan"]!);
        }
    }
}

/// What a plan reads: the tables it scans whole, the tables it reads through an index, and the indexes it uses.
public sealed record QueryPlan(string Statement, IReadOnlySet<string> ScannedTables, IReadOnlySet<string> IndexedTables, IReadOnlySet<string> Indexes, bool Sorts = false)
{
    private static readonly string[] IndexReads = ["Index Scan", "Index Only Scan", "Bitmap Heap Scan"];

    public static QueryPlan Parse(string statement, JsonNode root)
    {
        var scanned = new HashSet<string>(StringComparer.Ordinal);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        var sorts = false;
        var pending = new Stack<JsonNode>([root]);
        while (pending.TryPop(out var node))
        {
            if ((string?)node["Node Type"] == "Seq Scan" && (string?)node["Relation Name"] is { } table)
            {
                scanned.Add(table);
            }

            if (IndexReads.Contains((string?)node["Node Type"]) && (string?)node["Relation Name"] is { } read)
            {
                indexed.Add(read);
            }

            sorts |= (string?)node["Node Type"] is "Sort" or "Incremental Sort";
            if ((string?)node["Index Name"] is { } index)
            {
                indexes.Add(index);
            }

            foreach (var child in node["Plans"]?.AsArray() ?? [])
            {
                pending.Push(child!);
            }
        }

        return new QueryPlan(statement, scanned, indexed, indexes, sorts);
    }

    public override string ToString() =>
        $"{Statement} (scans: {string.Join(", ", ScannedTables)}; through indexes: {string.Join(", ", IndexedTables)}; indexes: {string.Join(", ", Indexes)}{(Sorts ? "; sorts" : "")})";
}
