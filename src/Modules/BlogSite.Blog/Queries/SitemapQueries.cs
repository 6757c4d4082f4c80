using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Queries;

/// Every published routed item (posts, the blog, pages) and every term page, with when it last changed: for a term,
/// the newest change of the posts filed under it.
public sealed class SitemapQueries(CmsDbContext db, ListFacts facts)
{
    /// The sitemaps protocol's limit of URLs in one file.
    public const int MaxUrlsPerFile = 50_000;

    /// The entries of sitemap file <paramref name="file"/> (from 1) of <paramref name="size"/> URLs, in path order.
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(int file, int size, CancellationToken cancellationToken)
    {
        var routes = await RoutesInPathOrder()
            .Skip((file - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var termChanges = await TermChangesAsync(cancellationToken);
        return [.. routes.Select(r => new SitemapEntry(
            r.Path,
            r.ContainedContentItemId is null ? r.ContentItemId : null,
            Changed(r.ContainedContentItemId, r.Changed, termChanges)))];
    }

    /// The newest change among the URLs of each file of <paramref name="size"/> URLs, for the sitemap index. Reading
    /// them takes every route, so the answer is kept until the next change of any kind; only the dates are read, in
    /// path order, since the addresses themselves (some 20 MB at 100,000 posts) are not needed.
    public Task<IReadOnlyList<DateTime?>> FileChangesAsync(int size, CancellationToken cancellationToken) =>
        facts.GetUntilAnyChangeAsync<IReadOnlyList<DateTime?>>(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sitemap-files:{size}"),
            async () =>
            {
                var routes = await RoutesInPathOrder()
                    .Select(r => new { r.ContainedContentItemId, r.Changed })
                    .ToListAsync(CancellationToken.None);
                var termChanges = await TermChangesAsync(CancellationToken.None);
                return routes.Count == 0
                    ? [null]
                    : [.. routes.Chunk(size).Select(chunk => chunk.Max(r => Changed(r.ContainedContentItemId, r.Changed, termChanges)))];
            });

    private IQueryable<RouteIndex> PublishedRoutes() => db.Routes.AsNoTracking().Where(r => r.Published);

    // The files and the index must page the same list the same way.
    private IQueryable<RouteChange> RoutesInPathOrder() =>
        PublishedRoutes()
            .Join(db.ContentItems, r => r.DocumentId, i => i.Id, (r, i) => new RouteChange
            {
                Path = r.Path, ContentItemId = r.ContentItemId, ContainedContentItemId = r.ContainedContentItemId, Changed = i.ModifiedUtc ?? i.PublishedUtc,
            })
            .OrderBy(r => r.Path);

    private sealed class RouteChange
    {
        public required string Path { get; init; }

        public required string ContentItemId { get; init; }

        public string? ContainedContentItemId { get; init; }

        public DateTime? Changed { get; init; }
    }

    // A term page changes when a post filed under it does.
    private Task<Dictionary<string, DateTime?>> TermChangesAsync(CancellationToken cancellationToken) =>
        db.TaxonomyLinks.AsNoTracking()
            .Where(l => l.Published)
            .Join(db.ContentItems, l => l.DocumentId, i => i.Id, (l, i) => new { l.TermContentItemId, Changed = i.ModifiedUtc ?? i.PublishedUtc })
            .GroupBy(x => x.TermContentItemId)
            .Select(g => new { g.Key, Changed = g.Max(x => x.Changed) })
            .ToDictionaryAsync(x => x.Key, x => x.Changed, cancellationToken);

    private static DateTime? Changed(string? termId, DateTime? itemChanged, Dictionary<string, DateTime?> termChanges) =>
        termId is not null && termChanges.TryGetValue(termId, out var termChanged) ? termChanged : itemChanged;

    /// How many sitemap URLs the site has.
    public Task<int> CountAsync(CancellationToken cancellationToken) => PublishedRoutes().CountAsync(cancellationToken);
}
