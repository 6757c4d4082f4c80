using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Queries;

/// Every published routed item (posts, the blog, pages) and every term page, with when it last changed: for a term,
/// the newest change of the posts filed under it.
public sealed class SitemapQueries(CmsDbContext db, ListFacts facts)
{
    /// The sitemaps protocol's limit of URLs in one file.
    public const int MaxUrlsPerFile = 50_000;

    /// The entries of sitemap file <paramref name="file"/> (from 1) of <paramref name="size"/> URLs, in path order;
    /// all of them when <paramref name="file"/> is null.
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(int? file, int size, CancellationToken cancellationToken)
    {
        var query = db.Routes.AsNoTracking()
            .Where(r => r.Published)
            .Join(db.ContentItems, r => r.DocumentId, i => i.Id, (r, i) => new { r.Path, r.ContentItemId, r.ContainedContentItemId, i.ModifiedUtc, i.PublishedUtc })
            .OrderBy(r => r.Path);
        var routes = file is { } n
            ? await query.Skip((n - 1) * size).Take(size).ToListAsync(cancellationToken)
            : await query.ToListAsync(cancellationToken);
        var termChanges = await db.TaxonomyLinks.AsNoTracking()
            .Where(l => l.Published)
            .Join(db.ContentItems, l => l.DocumentId, i => i.Id, (l, i) => new { l.TermContentItemId, Changed = i.ModifiedUtc ?? i.PublishedUtc })
            .GroupBy(x => x.TermContentItemId)
            .Select(g => new { g.Key, Changed = g.Max(x => x.Changed) })
            .ToDictionaryAsync(x => x.Key, x => x.Changed, cancellationToken);
        return [.. routes.Select(r => new SitemapEntry(
            r.Path,
            r.ContainedContentItemId is null ? r.ContentItemId : null,
            r.ContainedContentItemId is { } term && termChanges.TryGetValue(term, out var termChanged) ? termChanged : r.ModifiedUtc ?? r.PublishedUtc))];
    }

    /// The newest change among the URLs of each file of <paramref name="size"/> URLs, for the sitemap index. Reading
    /// them takes every route, so the answer is kept until the next change of any kind.
    public Task<IReadOnlyList<DateTime?>> FileChangesAsync(int size, CancellationToken cancellationToken) =>
        facts.GetUntilAnyChangeAsync<IReadOnlyList<DateTime?>>(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sitemap-files:{size}"),
            async () =>
            {
                var entries = await EntriesAsync(null, size, CancellationToken.None);
                return entries.Count == 0 ? [null] : [.. entries.Chunk(size).Select(chunk => chunk.Max(e => e.ChangedUtc))];
            });

    /// How many sitemap URLs the site has.
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Routes.AsNoTracking().CountAsync(r => r.Published, cancellationToken);
}
