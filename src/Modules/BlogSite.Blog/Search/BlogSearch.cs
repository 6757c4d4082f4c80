using System.Net;
using BlogSite.Blog.Display;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Search;
using Microsoft.AspNetCore.Html;
using BlogSite.Cms.Content.Queries;

namespace BlogSite.Blog.Search;

/// /search: the database's full-text engine ranks, this turns hits into results with highlighted snippets. Search
/// pages are never in the page cache (their addresses are endless), but a results page is kept until the next change,
/// so a popular search, or a crawler repeating one, costs the ranking once.
public sealed class BlogSearch(IFullTextIndex index, BlogPostQueries posts, GenerationalCache<string, ContentDisplay> known, SiteChangeFeed feed)
{
    public const int PageSize = 10;
    public const int MaxQueryLength = 200;
    public const int KeptResultPages = 1_000;

    public async Task<ContentDisplay?> SearchAsync(string? query, int page, CancellationToken cancellationToken)
    {
        var text = (query ?? "").Trim();
        text = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        if (page < 1)
        {
            return null;
        }

        // The text is at most MaxQueryLength long, so a key is bounded as the cache's count is.
        var key = $"{page}\n{text}";
        var generation = feed.Generation;
        if (known.TryGet(key, generation, out var kept))
        {
            return kept;
        }

        var display = await RankAsync(text, page, cancellationToken);
        if (display is not null)
        {
            known.Set(key, generation, display);
        }

        return display;
    }

    private async Task<ContentDisplay?> RankAsync(string text, int page, CancellationToken cancellationToken)
    {
        var encodedQuery = "q=" + Uri.EscapeDataString(text);
        var results = text.Length == 0
            ? new SearchResults([], 0)
            : await index.SearchAsync(text, PagedItems.Offset(page, PageSize), PageSize, cancellationToken);
        var totalPages = PagedItems.PageCount(Math.Min(results.Total, FullTextIndex.Window), PageSize);
        if (page > totalPages)
        {
            return null;
        }

        var items = (await posts.ByDocumentIdsAsync(results.Hits.Select(h => h.DocumentId).ToList(), cancellationToken)).ToDictionary(i => i.Id);
        var views = results.Hits
            .Where(h => items.ContainsKey(h.DocumentId))
            .Select(h => new SearchResultView(
                BlogPostPresenter.Title(items[h.DocumentId]),
                BlogPostPresenter.Link(items[h.DocumentId]).Url,
                items[h.DocumentId].PublishedUtc,
                Highlight(h.Snippet)))
            .ToList();
        var view = new SearchView(text, results.Total, views, new PagerView(page, totalPages, "/search", encodedQuery));
        var title = text.Length == 0 ? "Search" : $"Search: {text}";
        return new ContentDisplay(title, null, view) { CanonicalPath = $"/search?{encodedQuery}" };
    }

    /// Encodes the snippet, then turns the engine's match markers into &lt;mark&gt; elements.
    public static IHtmlContent Highlight(string snippet) =>
        new HtmlString(WebUtility.HtmlEncode(snippet ?? "")
            .Replace(SearchHit.MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(SearchHit.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal));
}
