using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlogSite.Cms.Content.Search;

/// tsvector over "SearchIndex" (title weight A, body weight B) with a GIN index; websearch_to_tsquery reads reader
/// input the way search boxes do (quotes, or, -word) and never fails on it.
/// Computing the vectors was half of what a large import cost PostgreSQL (70 of 135 s for 100,000 posts, all in the
/// import's one backend), so a recipe's large batches are stored without them and <see cref="SearchVectorFiller"/>
/// computes them once the import has committed, as Orchard Core indexes in the background; whatever an editor changes is
/// searchable at once.
public sealed class PostgreSqlFullTextIndex(CmsDbContext db, BulkInserter bulk, SearchVectorDeferral deferral) : FullTextIndex(db, bulk)
{
    /// A recipe's rows written together up to this many (a small recipe's) get their vectors in the same transaction.
    public const int InlineVectors = 100;

    /// A row's vector, from its own columns.
    public const string VectorSql = """setweight(to_tsvector('english', "Title"), 'A') || setweight(to_tsvector('english', "Body"), 'B')""";

    /// Computes the vectors of the rows <c>@ids</c> that have none yet.
    public const string FillSql = "UPDATE \"SearchIndex\" SET \"Vector\" = " + VectorSql + " WHERE \"DocumentId\" = ANY(@ids) AND \"Vector\" IS NULL";

    /// The statements readers' searches run (public so the plan tests can EXPLAIN exactly these): how many of the
    /// newest matches there are, and one page of them ranked, with highlighted extracts.
    public const string CountSql =
        "SELECT count(*) FROM (SELECT 1 FROM \"SearchIndex\" WHERE \"Vector\" @@ websearch_to_tsquery('english', @query) LIMIT @window) m";

    // The query is written out where it is used, not joined from a CTE: the planner then sees the words and knows how
    // many rows match, so a common word walks the newest rows by key and a rare one uses the GIN index (joined from a
    // CTE, every search took the GIN path over all matches: 400 ms for "sanctions shipping" at 100,000 posts).
    public const string SearchSql = """
            WITH recent AS (
                SELECT s."DocumentId", s."Vector", s."Body" FROM "SearchIndex" s
                WHERE s."Vector" @@ websearch_to_tsquery('english', @query) ORDER BY s."DocumentId" DESC LIMIT @window),
            ranked AS (
                SELECT r."DocumentId", r."Body", ts_rank(r."Vector", websearch_to_tsquery('english', @query)) AS rank FROM recent r
                ORDER BY rank DESC, r."DocumentId" DESC LIMIT @take OFFSET @skip)
            SELECT ranked."DocumentId", ts_headline('english', ranked."Body", websearch_to_tsquery('english', @query), @options)
            FROM ranked ORDER BY ranked.rank DESC, ranked."DocumentId" DESC
        """;

    private static readonly string HeadlineOptions =
        $"StartSel=\"{SearchHit.MarkStart}\", StopSel=\"{SearchHit.MarkEnd}\", MaxWords=40, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    protected override string KeyColumn => "DocumentId";

    public override async Task IndexManyAsync(IReadOnlyList<(long DocumentId, string Title, string Body)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await base.IndexManyAsync(rows, cancellationToken);
        if (rows.Count > 0 && (!deferral.Active || rows.Count <= InlineVectors))
        {
            await Db.Database.ExecuteSqlRawAsync(FillSql, [new NpgsqlParameter("ids", rows.Select(r => r.DocumentId).ToArray())], cancellationToken);
        }
    }

    public override async Task<SearchResults> SearchAsync(string query, int skip, int take, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchResults([], 0);
        }

        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await Db.Database.OpenConnectionAsync(cancellationToken);
        }

        // Counting and ranking stop at the newest Window matches, so a common word costs the same at any size.
        await using var count = new NpgsqlCommand(CountSql, connection);
        count.Parameters.AddWithValue("query", query);
        count.Parameters.AddWithValue("window", Window + 1);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        await using var command = new NpgsqlCommand(SearchSql, connection);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("window", Window);
        command.Parameters.AddWithValue("options", HeadlineOptions);
        command.Parameters.AddWithValue("take", take);
        command.Parameters.AddWithValue("skip", skip);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetInt64(0), reader.GetString(1)));
        }

        return new SearchResults(hits, total);
    }
}
