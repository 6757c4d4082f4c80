using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BlogSite.Blog.Pages;

/// /archive/{yyyy}/{mm}: the posts published that month. A month without posts is a 404.
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class ArchiveModel(ContentDisplays displays, LayoutDataFactory layouts, PageCacheEntry cache) : ListPageModel(layouts, cache)
{
    public async Task OnGetAsync(int year, int month, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken) =>
        await ShowAsync(await displays.ArchiveAsync(year, month, PageNumber.Parse(page), cancellationToken), cancellationToken);
}
