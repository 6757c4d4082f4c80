using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using BlogSite.Cms.Content.Queries;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Blog.Queries;

/// Published posts through the index tables, newest first, so a page costs a few small queries however big the blog.
/// Every query here sees published versions only: drafts never reach a list, a feed, a count or a neighbour link.
/// A page finds its ids in an index, or in a list's order kept per change (so a deep page costs what the first does),
/// and then reads just those items; counts come from <see cref="ListFacts"/>.
public sealed class BlogPostQueries(CmsDbContext db, ListFacts facts)
{
    private const int RelatedCandidatesPerTerm = 50;

    /// One page of a list's published items as document ids, newest first; <see cref="ByIdsInOrderAsync"/> reads them.
    /// The list's order is read once per change and kept (8 bytes a post), so page 5,000 costs what page 1 does: an
    /// OFFSET walks every row before the page on each request. Any change, not only one to lists, reads it again: a
    /// post's new live version has a new document id.
    public async Task<PagedItems<long>> InListAsync(string listContentItemId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var ordered = await facts.GetUntilAnyChangeAsync($"list-order:{listContentItemId}", () => ListOrder.For(db)(db, listContentItemId).ToArrayAsync(CancellationToken.None).AsTask());
        return PagedItems.Of(ordered, page, pageSize);
    }

    private static readonly CompiledQuery<Func<CmsDbContext, string, IAsyncEnumerable<long>>> ListOrder = new(() =>
        EF.CompileAsyncQuery((CmsDbContext db, string listContentItemId) => db.Containment.AsNoTracking()
            .Where(c => c.Published && c.ListContentItemId == listContentItemId)
            .OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.DocumentId)
            .Select(c => c.DocumentId)));

    /// One page of the published posts filed under any of the terms (a term and its descendants), newest first. The
    /// list's order is read once per change and kept, as the home list's is, so a deep page costs what the first does.
    public async Task<PagedItems<long>> WithAnyTermAsync(IReadOnlyCollection<string> termContentItemIds, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(termContentItemIds);
        var terms = termContentItemIds.Distinct().Order(StringComparer.Ordinal).ToList();
        var ordered = await facts.GetUntilAnyChangeAsync($"terms-order:{string.Join(',', terms)}", () => TermsOrderAsync(terms));
        return PagedItems.Of(ordered, page, pageSize);
    }

    private Task<long[]> TermsOrderAsync(List<string> terms)
    {
        var links = db.TaxonomyLinks.AsNoTracking().Where(l => l.Published && l.ContentType == BlogContentDefinitions.BlogPost);
        if (terms.Count == 1)
        {
            // Equality, not a one-element IN list: PostgreSQL walks the term's index in date order instead of sorting.
            var term = terms[0];
            return links.Where(l => l.TermContentItemId == term)
                .OrderByDescending(l => l.PublishedUtc).ThenByDescending(l => l.DocumentId)
                .Select(l => l.DocumentId)
                .ToArrayAsync(CancellationToken.None);
        }

        // A post filed under two of the terms is listed once.
        return links.Where(l => terms.Contains(l.TermContentItemId))
            .Select(l => new { l.DocumentId, l.PublishedUtc }).Distinct()
            .OrderByDescending(l => l.PublishedUtc).ThenByDescending(l => l.DocumentId)
            .Select(l => l.DocumentId)
            .ToArrayAsync(CancellationToken.None);
    }

    /// The posts published in a month of the site's time zone.
    public async Task<PagedItems<long>> InMonthAsync(int year, int month, SiteSettings site, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var total = (await ArchiveMonthsAsync(site, cancellationToken)).FirstOrDefault(m => m.Year == year && m.Month == month).Count;
        if (total == 0)
        {
            return new PagedItems<long>([], 0, page, pageSize);
        }

        var (start, end) = site.MonthInUtc(year, month);
        var ids = await Published()
            .Where(x => x.PublishedUtc >= start && x.PublishedUtc < end)
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Select(x => x.Id)
            .Skip(PagedItems.Offset(page, pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedItems<long>(ids, total, page, pageSize);
    }

    /// One page of the posts credited to a person, newest first.
    public async Task<PagedItems<long>> ByOwnerAsync(string ownerId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await facts.GetAsync($"owner:{ownerId}", () => Published().CountAsync(x => x.Owner == ownerId, CancellationToken.None));
        var ids = await Published()
            .Where(x => x.Owner == ownerId)
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Select(x => x.Id)
            .Skip(PagedItems.Offset(page, pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedItems<long>(ids, total, page, pageSize);
    }

    /// The newest published posts, as document ids; no count, since feeds show one page.
    public async Task<IReadOnlyList<long>> RecentIdsAsync(int count, CancellationToken cancellationToken) =>
        await Published()
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Select(x => x.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// Months of the site's time zone that have posts, newest first, with how many.
    public Task<IReadOnlyList<(int Year, int Month, int Count)>> ArchiveMonthsAsync(SiteSettings site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        return facts.GetAsync($"months:{site.TimeZone.Id}", () => CountMonthsAsync(site));
    }

    // Steps from month to month with posts, newest first: the newest date before the month found last names the next
    // month, and one count of its range in the site's zone gives its posts. Both walk the date index, so this costs two
    // short reads per month with posts, where reading every date to group them cost as much as the site is big.
    private async Task<IReadOnlyList<(int Year, int Month, int Count)>> CountMonthsAsync(SiteSettings site)
    {
        var months = new List<(int Year, int Month, int Count)>();
        for (DateTime? before = null; await NewestBeforeAsync(before) is { } newest;)
        {
            var siteTime = site.ToSiteTime(newest);
            var (start, end) = site.MonthInUtc(siteTime.Year, siteTime.Month);
            if (months.Count == 0 || months[^1].Year != siteTime.Year || months[^1].Month != siteTime.Month)
            {
                var count = await Published().CountAsync(x => x.PublishedUtc >= start && x.PublishedUtc < end, CancellationToken.None);
                months.Add((siteTime.Year, siteTime.Month, count));
            }

            // Each step moves back, even for a date the zone cannot place in its month's range (before year 1 there).
            before = start <= newest ? start : newest;
        }

        return months;
    }

    private Task<DateTime?> NewestBeforeAsync(DateTime? before) =>
        (before is null ? Published() : Published().Where(x => x.PublishedUtc < before))
            .MaxAsync(x => x.PublishedUtc, CancellationToken.None);

    /// How many published posts each term has.
    public Task<IReadOnlyDictionary<string, int>> TermCountsAsync(CancellationToken cancellationToken) =>
        facts.GetAsync<IReadOnlyDictionary<string, int>>("term-counts", async () =>
            await db.TaxonomyLinks.AsNoTracking()
                .Where(l => l.Published && l.ContentType == BlogContentDefinitions.BlogPost)
                .GroupBy(l => l.TermContentItemId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, CancellationToken.None));

    /// The next newer and the next older published post, as document ids.
    public async Task<(long? Newer, long? Older)> NeighbourIdsAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var when = post.PublishedUtc;
        // Range conditions on the date alone keep to the index; ties on the date are settled by id in the filter.
        var newer = await Published()
            .Where(x => x.PublishedUtc >= when && x.Id != post.Id && (x.PublishedUtc > when || x.Id > post.Id))
            .OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id)
            .Select(x => (long?)x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var older = await Published()
            .Where(x => x.PublishedUtc <= when && x.Id != post.Id && (x.PublishedUtc < when || x.Id < post.Id))
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Select(x => (long?)x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return (newer, older);
    }

    /// Posts sharing the most tags, then the category, newest first, as document ids, chosen among the newest posts of
    /// each of the post's terms: each term costs one short walk down its index, however many posts it has.
    public async Task<IReadOnlyList<long>> RelatedIdsAsync(
        ContentItem post, IReadOnlyCollection<string> tagIds, IReadOnlyCollection<string> categoryIds, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var tags = tagIds.ToHashSet(StringComparer.Ordinal);
        var categories = categoryIds.ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(long DocumentId, string Term, DateTime? PublishedUtc)>();
        foreach (var term in tags.Concat(categories).Distinct())
        {
            // Another version of the same item (the live one, when a draft is previewed) is not related to itself.
            var newest = await db.TaxonomyLinks.AsNoTracking()
                .Where(l => l.Published && l.ContentType == BlogContentDefinitions.BlogPost && l.TermContentItemId == term && l.ContentItemId != post.ContentItemId)
                .OrderByDescending(l => l.PublishedUtc).ThenByDescending(l => l.DocumentId)
                .Select(l => new { l.DocumentId, l.PublishedUtc })
                .Take(RelatedCandidatesPerTerm)
                .ToListAsync(cancellationToken);
            candidates.AddRange(newest.Select(l => (l.DocumentId, term, l.PublishedUtc)));
        }

        return [.. candidates
            .GroupBy(c => c.DocumentId)
            .OrderByDescending(g => g.Count(c => tags.Contains(c.Term)))
            .ThenByDescending(g => g.Any(c => categories.Contains(c.Term)))
            .ThenByDescending(g => g.First().PublishedUtc)
            .ThenByDescending(g => g.Key)
            .Select(g => g.Key)
            .Take(count)];
    }

    /// The blog new posts go into: the first Blog item.
    public Task<string?> BlogIdAsync(CancellationToken cancellationToken) =>
        db.ContentItems.AsNoTracking().Where(x => x.ContentType == BlogContentDefinitions.Blog && x.Latest)
            .OrderBy(x => x.Id).Select(x => x.ContentItemId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentItem>> ByDocumentIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking().Where(x => x.Published && ids.Contains(x.Id)).ToListAsync(cancellationToken);

    private IQueryable<ContentItem> Published() =>
        db.ContentItems.AsNoTracking().Where(x => x.Published && x.ContentType == BlogContentDefinitions.BlogPost);

    /// The items of one page, read by key after the page's ids were found in an index, in the ids' order.
    public async Task<IReadOnlyList<ContentItem>> ByIdsInOrderAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var items = (await ByDocumentIdsAsync(ids, cancellationToken)).ToDictionary(x => x.Id);
        return [.. ids.Where(items.ContainsKey).Select(id => items[id])];
    }
}
