using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using BlogSite.Cms.Content.Queries;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Blog.Queries;

/// Published posts through the index tables, newest first, so a page costs a few small queries however big the blog.
/// Every query here sees published versions only: drafts never reach a list, a feed, a count or a neighbour link.
public sealed class BlogPostQueries(CmsDbContext db)
{
    public Task<PagedItems<ContentItem>> InListAsync(string listContentItemId, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(
            Published().Where(x => db.Containment.Any(c => c.DocumentId == x.Id && c.ListContentItemId == listContentItemId)),
            page, pageSize, cancellationToken);

    public Task<PagedItems<ContentItem>> WithAnyTermAsync(IReadOnlyCollection<string> termContentItemIds, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(
            Published().Where(x => db.TaxonomyLinks.Any(l => l.DocumentId == x.Id && termContentItemIds.Contains(l.TermContentItemId))),
            page, pageSize, cancellationToken);

    /// The posts published in a month of the site's time zone.
    public Task<PagedItems<ContentItem>> InMonthAsync(int year, int month, SiteSettings site, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var (start, end) = site.MonthInUtc(year, month);
        return PageAsync(Published().Where(x => x.PublishedUtc >= start && x.PublishedUtc < end), page, pageSize, cancellationToken);
    }

    public Task<PagedItems<ContentItem>> RecentAsync(int count, CancellationToken cancellationToken) =>
        PageAsync(Published(), 1, count, cancellationToken);

    /// Months of the site's time zone that have posts, newest first, with how many.
    public async Task<IReadOnlyList<(int Year, int Month, int Count)>> ArchiveMonthsAsync(SiteSettings site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var dates = await Published().Where(x => x.PublishedUtc != null).Select(x => x.PublishedUtc!.Value).ToListAsync(cancellationToken);
        return dates
            .Select(site.ToSiteTime)
            .GroupBy(d => (d.Year, d.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key.Year, g.Key.Month, g.Count()))
            .ToList();
    }

    /// How many published posts each term has.
    public async Task<IReadOnlyDictionary<string, int>> TermCountsAsync(CancellationToken cancellationToken) =>
        await db.TaxonomyLinks.AsNoTracking()
            .Where(l => l.Published && l.ContentType == BlogContentDefinitions.BlogPost)
            .GroupBy(l => l.TermContentItemId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// The next newer and the next older published post.
    public async Task<(ContentItem? Newer, ContentItem? Older)> NeighboursAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var when = post.PublishedUtc;
        var newer = await Published()
            .Where(x => x.PublishedUtc > when || (x.PublishedUtc == when && x.Id > post.Id))
            .OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var older = await Published()
            .Where(x => x.PublishedUtc < when || (x.PublishedUtc == when && x.Id < post.Id))
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (newer, older);
    }

    /// Posts sharing the most tags, then the category, newest first.
    public async Task<IReadOnlyList<ContentItem>> RelatedAsync(
        ContentItem post, IReadOnlyCollection<string> tagIds, IReadOnlyCollection<string> categoryIds, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var termIds = tagIds.Concat(categoryIds).ToList();
        var links = await db.TaxonomyLinks.AsNoTracking()
            .Where(l => l.Published && l.ContentType == BlogContentDefinitions.BlogPost && l.ContentItemId != post.ContentItemId && termIds.Contains(l.TermContentItemId))
            .Select(l => new { l.DocumentId, l.TermContentItemId })
            .ToListAsync(cancellationToken);
        var scores = links
            .GroupBy(l => l.DocumentId)
            .ToDictionary(g => g.Key, g => (Tags: g.Count(l => tagIds.Contains(l.TermContentItemId)), Category: g.Any(l => categoryIds.Contains(l.TermContentItemId))));
        var ids = scores.Keys.ToList();
        var candidates = await Published().Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);
        return candidates
            .OrderByDescending(x => scores[x.Id].Tags)
            .ThenByDescending(x => scores[x.Id].Category)
            .ThenByDescending(x => x.PublishedUtc)
            .Take(count)
            .ToList();
    }

    /// The blog new posts go into: the first Blog item.
    public Task<string?> BlogIdAsync(CancellationToken cancellationToken) =>
        db.ContentItems.AsNoTracking().Where(x => x.ContentType == BlogContentDefinitions.Blog && x.Latest)
            .OrderBy(x => x.Id).Select(x => x.ContentItemId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentItem>> ByDocumentIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking().Where(x => x.Published && ids.Contains(x.Id)).ToListAsync(cancellationToken);

    private IQueryable<ContentItem> Published() =>
        db.ContentItems.AsNoTracking().Where(x => x.Published && x.ContentType == BlogContentDefinitions.BlogPost);

    private static async Task<PagedItems<ContentItem>> PageAsync(IQueryable<ContentItem> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Skip(PagedItems.Offset(page, pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedItems<ContentItem>(items, total, page, pageSize);
    }
}
