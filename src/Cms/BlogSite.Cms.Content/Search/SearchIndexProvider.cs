using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Search;

/// Keeps the full-text index in step with content: a searchable version's title and text, nothing for the rest.
public sealed class SearchIndexProvider(IFullTextIndex search, SearchText searchText) : IContentIndexProvider
{
    public async Task IndexAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 1)
        {
            // One version written again: its entry is replaced, or dropped when it is no longer searchable.
            var item = versions[0];
            var searchable = SearchText.IsSearchable(item);
            await search.IndexAsync(item.Id, searchable ? SearchText.Title(item) : null, searchable ? searchText.Body(item) : "", cancellationToken);
            return;
        }

        // Many new versions (a bulk import): written together.
        await search.IndexManyAsync([.. versions.Where(SearchText.IsSearchable).Select(i => (i.Id, SearchText.Title(i), searchText.Body(i)))], cancellationToken);
    }

    public async Task RemoveAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var version in versions)
        {
            await search.IndexAsync(version.Id, null, "", cancellationToken);
        }
    }
}
