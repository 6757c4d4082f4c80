using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Content;

/// The content list's filters: type, status, a taxonomy term, owner, title text; sorted and paged. It lists each
/// item once, by its latest version.
public sealed record ContentListQuery(
    string? Type = null, string? Status = null, string? Term = null, string? Author = null, string? Search = null, string? Sort = null, int Page = 1)
{
    public const int PageSize = 20;

    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> RunAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = db.ContentItems.AsNoTracking().Where(x => x.Latest && x.ContentType != "Taxonomy");
        if (!string.IsNullOrEmpty(Type))
        {
            items = items.Where(x => x.ContentType == Type);
        }

        var published = db.ContentItems.Where(p => p.Published);
        items = Status switch
        {
            "published" => items.Where(x => x.Published),
            "draft" => items.Where(x => !x.Published && !published.Any(p => p.ContentItemId == x.ContentItemId)),
            "changed" => items.Where(x => !x.Published && published.Any(p => p.ContentItemId == x.ContentItemId)),
            "scheduled" => items.Where(x => db.ContentItems.Any(v => v.ContentItemId == x.ContentItemId && !v.Published && v.ScheduledPublishUtc != null)),
            _ => items,
        };
        if (!string.IsNullOrEmpty(Term))
        {
            items = items.Where(x => db.TaxonomyLinks.Any(l => l.DocumentId == x.Id && l.TermContentItemId == Term));
        }

        if (!string.IsNullOrEmpty(Author))
        {
            items = items.Where(x => x.Author == Author);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA1304, CA1311, CA1862 // Runs as SQL: EF translates ToLower()/Contains to lower()/LIKE on both engines; the culture overloads do not translate.
            items = items.Where(x => x.DisplayText.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await items.CountAsync(cancellationToken);
        var sorted = Sort switch
        {
            "title" => items.OrderBy(x => x.DisplayText).ThenBy(x => x.Id),
            "published" => items.OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id),
            _ => items.OrderByDescending(x => x.ModifiedUtc).ThenByDescending(x => x.Id),
        };
        var page = await sorted.Skip((Math.Max(1, Page) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (page, total);
    }
}
