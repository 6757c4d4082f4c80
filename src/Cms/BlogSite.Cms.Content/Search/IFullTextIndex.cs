namespace BlogSite.Cms.Content.Search;

/// Full-text search with the database's own engine (SQLite FTS5, PostgreSQL tsvector), so every web node sees the
/// same index. Only published items with a route are in it. Both keep it in a table "SearchIndex" (DocumentId,
/// Title, Body), which bulk imports fill directly.
public interface IFullTextIndex
{
    /// Removes the rows of these versions, if they have any; joins the caller's transaction.
    Task RemoveAsync(IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken);

    /// Adds rows for versions that have none (new ones, or ones just removed), many at a time; joins the caller's
    /// transaction.
    Task IndexManyAsync(IReadOnlyList<(long DocumentId, string Title, string Body)> rows, CancellationToken cancellationToken);

    /// Best first (each engine says how it ranks), counting and ranking no more than the newest <see cref="FullTextIndex.Window"/>
    /// matches. Quotes make phrases; punctuation and operators in <paramref name="query"/> are harmless.
    Task<SearchResults> SearchAsync(string query, int skip, int take, CancellationToken cancellationToken);
}
