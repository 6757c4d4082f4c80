using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Search;

/// Keeps the full-text index in step with content: a searchable version's title and text, nothing for the rest.
public sealed class SearchIndexProvider(IFullTextIndex search, SearchText searchText) : IContentIndexProvider
{
    private const int ParallelFrom = 64;

    /// Each version's entry is replaced, or dropped when it is no longer searchable.
    public async Task IndexAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        await search.RemoveAsync([.. versions.Select(v => v.Id)], cancellationToken);
        var searchable = versions.Where(SearchText.IsSearchable).ToList();
        // Rendering bodies to plain text is the biggest CPU cost of an import after reading the recipe, and the database
        // waits meanwhile, so an import's batches use every core for it. Each version is read by one thread only.
        var rows = searchable.Count >= ParallelFrom
            ? searchable.AsParallel().AsOrdered().Select(Row).ToList()
            : searchable.ConvertAll(Row);
        await search.IndexManyAsync(rows, cancellationToken);
    }

    public Task RemoveAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return search.RemoveAsync([.. versions.Select(v => v.Id)], cancellationToken);
    }

    private (long DocumentId, string Title, string Body) Row(ContentItem version) =>
        (version.Id, SearchText.Title(version), searchText.Body(version));
}
