using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// A public list page at its own route (a month, an author): shown in the site's layout, a 404 when there is nothing to
/// list, and kept for anonymous readers under its canonical address only (PublicPageCachePolicy decides the rest).
public abstract class ListPageModel(LayoutDataFactory layouts, PageCacheEntry cache) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    protected async Task ShowAsync(ContentDisplay? display, CancellationToken cancellationToken)
    {
        Display = display;
        Layout = await layouts.CreateAsync(Request, display, cancellationToken);
        if (display is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (display.CanonicalPath is { } canonical)
        {
            cache.StoreAt(canonical);
        }
    }
}
