using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Content.Search;

/// What both engines share: the "SearchIndex" table is written the same way; only searching differs.
public abstract class FullTextIndex(CmsDbContext db, BulkInserter bulk) : IFullTextIndex
{
    protected CmsDbContext Db { get; } = db;

    public async Task IndexAsync(long documentId, string? title, string body, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"SearchIndex\" WHERE \"DocumentId\" = {documentId}", cancellationToken);
        if (title is not null)
        {
            await Db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"SearchIndex\" (\"DocumentId\", \"Title\", \"Body\") VALUES ({documentId}, {title}, {body})", cancellationToken);
        }
    }

    public Task IndexManyAsync(IReadOnlyList<(long DocumentId, string Title, string Body)> rows, CancellationToken cancellationToken) =>
        bulk.InsertAsync(
            "SearchIndex", ["DocumentId", "Title", "Body"], [.. (rows ?? []).Select(r => new object?[] { r.DocumentId, r.Title, r.Body })], null, cancellationToken);

    public abstract Task<SearchResults> SearchAsync(string query, int skip, int take, CancellationToken cancellationToken);
}
