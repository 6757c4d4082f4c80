using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Queries;

/// Published posts, newest first, through the index tables so a page costs two small queries however big the blog.
public sealed class BlogPostQueries(CmsDbContext db)
{
    public Task<PagedItems> InListAsync(string listContentItemId, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(
            Published().Where(x => db.Containment.Any(c => c.DocumentId == x.Id && c.ListContentItemId == listContentItemId)),
            page, pageSize, cancellationToken);

    public Task<PagedItems> WithAnyTermAsync(IReadOnlyCollection<string> termContentItemIds, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(
            Published().Where(x => db.TaxonomyLinks.Any(l => l.DocumentId == x.Id && termContentItemIds.Contains(l.TermContentItemId))),
            page, pageSize, cancellationToken);

    private IQueryable<ContentItem> Published() =>
        db.ContentItems.AsNoTracking().Where(x => x.Published && x.ContentType == BlogContentDefinitions.BlogPost);

    private static async Task<PagedItems> PageAsync(IQueryable<ContentItem> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedItems(items, total, page, pageSize);
    }
}
