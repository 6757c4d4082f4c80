using System.Text;
using BlogSite.Cms.Content.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Search;

/// FTS5 over "SearchIndex" (rowid = DocumentId, DocumentId UNINDEXED, Title, Body).
public sealed class SqliteFullTextIndex(CmsDbContext db, BulkInserter bulk) : FullTextIndex(db, bulk)
{
    protected override string KeyColumn => "rowid";

    /// Posts whose title holds every word come first, then posts that hold them anywhere, newest first within each.
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

        var inTitle = $"{{Title}} : ({match})";
        var elsewhere = $"({match}) NOT ({inTitle})";
        var total = await CountAsync(connection, match, cancellationToken);
        var titled = await CountAsync(connection, inTitle, cancellationToken);
        var hits = skip < titled ? await PageAsync(connection, inTitle, skip, take, cancellationToken) : [];
        if (hits.Count < take)
        {
            hits.AddRange(await PageAsync(connection, elsewhere, Math.Max(0, skip - titled), take - hits.Count, cancellationToken));
        }

        return new SearchResults(hits, total);
    }

    /// How many documents match, counting no further than one past the window.
    private static async Task<int> CountAsync(SqliteConnection connection, string match, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM (SELECT 1 FROM \"SearchIndex\" WHERE \"SearchIndex\" MATCH $match LIMIT $window)";
        count.Parameters.AddWithValue("$match", match);
        count.Parameters.AddWithValue("$window", Window + 1);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<SearchHit>> PageAsync(SqliteConnection connection, string match, int skip, int take, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "DocumentId", snippet("SearchIndex", 2, char(2), char(3), '…', 32)
            FROM "SearchIndex" WHERE "SearchIndex" MATCH $match
            ORDER BY rowid DESC
            LIMIT $take OFFSET $skip
            """;
        command.Parameters.AddWithValue("$match", match);
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
