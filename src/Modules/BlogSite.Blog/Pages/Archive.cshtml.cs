using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// /archive/{yyyy}/{mm}: the posts published that month. A month without posts is a 404.
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class ArchiveModel(ContentDisplayBuilder builder, LayoutDataFactory layouts, PageCacheEntry cache) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task OnGetAsync(int year, int month, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Display = await builder.ArchiveAsync(year, month, PageNumber.Parse(page), cancellationToken);
        Layout = await layouts.CreateAsync(Request, Display, cancellationToken);
        if (Display is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Display.CanonicalPath is { } canonical)
        {
            // Kept for anonymous readers under its canonical address only (PublicPageCachePolicy decides the rest).
            cache.StoreAt(canonical);
        }
    }
}
