using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlogSite.Cms.Content.Search;

/// tsvector over "SearchIndex" (a stored generated column: title weight A, body weight B) with a GIN index;
/// websearch_to_tsquery reads reader input the way search boxes do (quotes, or, -word) and never fails on it.
public sealed class PostgreSqlFullTextIndex(CmsDbContext db, BulkInserter bulk) : FullTextIndex(db, bulk)
{
    private static readonly string HeadlineOptions =
        $"StartSel=\"{SearchHit.MarkStart}\", StopSel=\"{SearchHit.MarkEnd}\", MaxWords=40, MinWords=20, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

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

        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM \"SearchIndex\" WHERE \"Vector\" @@ websearch_to_tsquery('english', @query)", connection);
        count.Parameters.AddWithValue("query", query);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        await using var command = new NpgsqlCommand("""
            SELECT s."DocumentId", ts_headline('english', s."Body", q, @options)
            FROM "SearchIndex" s, websearch_to_tsquery('english', @query) q
            WHERE s."Vector" @@ q
            ORDER BY ts_rank(s."Vector", q) DESC, s."DocumentId" DESC
            LIMIT @take OFFSET @skip
            """, connection);
        command.Parameters.AddWithValue("query", query);
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
