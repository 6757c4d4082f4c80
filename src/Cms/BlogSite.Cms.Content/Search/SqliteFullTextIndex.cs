using System.Text;
using BlogSite.Cms.Content.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Search;

/// FTS5 over "SearchIndex" (rowid = DocumentId, DocumentId UNINDEXED, Title, Body).
public sealed class SqliteFullTextIndex(CmsDbContext db, BulkInserter bulk) : FullTextIndex(db, bulk)
{
    protected override string KeyColumn => "rowid";

    /// Among the newest Window matches, posts whose title holds every word come first, then the others, newest first
    /// within each.
    /// bm25 was dropped: its weights need every matching document of each word, so a common word cost a scan of the
    /// whole index per search; each query here walks FTS5's rowid order and stops at the page.
    public override async Task<SearchResults> SearchAsync(string query, int skip, int take, CancellationToken cancellationToken)
    {
        var match = ToMatchExpression(query);
        if (match.Length == 0)
        {
            return new SearchResults([], 0);
        }

        var connection = (SqliteConnection)Db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await Db.Database.OpenConnectionAsync(cancellationToken);
        }

        // The newest Window matches are the ones ranked: both tiers start at the oldest of them, so even a tier with few
        // matches (a common word in titles) never walks the whole index.
        var total = await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH $match LIMIT $window)", match, 0, Window + 1, cancellationToken);
        var floor = await ScalarAsync(
            connection, "SELECT coalesce(min(rowid), 0) FROM (SELECT rowid FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH $match ORDER BY rowid DESC LIMIT $window)",
            match, 0, Window, cancellationToken);
        var inTitle = $"{{Title}} : ({match})";
        var titled = await ScalarAsync(
            connection, "SELECT count(*) FROM (SELECT 1 FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH $match AND rowid >= $floor)", inTitle, floor, 0, cancellationToken);
        var hits = skip < titled ? await PageAsync(connection, inTitle, floor, skip, take, cancellationToken) : [];
        if (hits.Count < take)
        {
            hits.AddRange(await PageAsync(connection, $"({match}) NOT ({inTitle})", floor, Math.Max(0, skip - titled), take - hits.Count, cancellationToken));
        }

        return new SearchResults(hits, total);
    }

    private static async Task<int> ScalarAsync(SqliteConnection connection, string sql, string match, long floor, int window, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$floor", floor);
        command.Parameters.AddWithValue("$window", window);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<SearchHit>> PageAsync(SqliteConnection connection, string match, long floor, int skip, int take, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "DocumentId", snippet("SearchIndex", 2, char(2), char(3), '…', 32)
            FROM "SearchIndex" WHERE "SearchIndex" MATCH $match AND rowid >= $floor
            ORDER BY rowid DESC
            LIMIT $take OFFSET $skip
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$floor", floor);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetInt64(0), reader.GetString(1)));
        }

        return hits;
    }

    /// Reader input to an FTS5 expression that cannot be a syntax error: every word and every "quoted phrase" becomes
    /// one FTS5 string (all must match); anything else is dropped.
    public static string ToMatchExpression(string? query)
    {
        var terms = new List<string>();
        var text = query ?? "";
        var inPhrase = false;
        foreach (var part in text.Split('"'))
        {
            var pieces = inPhrase ? [part] : part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            foreach (var piece in pieces)
            {
                if (piece.Any(char.IsLetterOrDigit))
                {
                    terms.Add(piece.Trim());
                }
            }

            inPhrase = !inPhrase;
        }

        var builder = new StringBuilder();
        foreach (var term in terms)
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }
}
