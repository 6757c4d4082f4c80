using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Search;

/// What both engines share: the "SearchIndex" table is written the same way; only searching differs.
public abstract class FullTextIndex(CmsDbContext db, BulkInserter bulk) : IFullTextIndex
{
    /// The Window newest matches are the ones counted and ranked, so a search costs the same however many posts
    /// contain a common word; readers are told when there are more.
    public const int Window = 500;

    /// Not an entity of the model: SQLite keeps it as an FTS5 virtual table, PostgreSQL as a table with a GIN index.
    public const string TableName = "SearchIndex";

    protected CmsDbContext Db { get; } = db;

    /// The column rows are found by: the document id, which is SQLite FTS5's rowid so that finding a row is a key
    /// lookup rather than a scan of the whole index.
    protected abstract string KeyColumn { get; }

    public async Task RemoveAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var chunk in documentIds.Chunk(500))
        {
            // Numbers, so they can be written into the statement rather than passed as hundreds of parameters.
            var ids = string.Join(", ", chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var delete = $"DELETE FROM \"SearchIndex\" WHERE \"{KeyColumn}\" IN ({ids})";
            await Db.Database.ExecuteSqlRawAsync(delete, cancellationToken);
        }
    }

    /// On SQLite the key is FTS5's rowid, written beside the DocumentId column; on PostgreSQL DocumentId is the key.
    public virtual Task IndexManyAsync(IReadOnlyList<(long DocumentId, string Title, string Body)> rows, CancellationToken cancellationToken)
    {
        var separateKey = KeyColumn != "DocumentId";
        return bulk.InsertAsync(
            TableName,
            [.. separateKey ? [(KeyColumn, "bigint")] : Array.Empty<(string, string)>(), ("DocumentId", "bigint"), ("Title", "text"), ("Body", "text")],
            [.. (rows ?? []).Select(r => (object?[])[.. separateKey ? [r.DocumentId] : Array.Empty<object?>(), r.DocumentId, r.Title, r.Body])],
            cancellationToken);
    }

    public abstract Task<SearchResults> SearchAsync(string query, int skip, int take, CancellationToken cancellationToken);
}
