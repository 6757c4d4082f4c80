using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Authorization;

namespace BlogSite.Blog.Pages;

/// /archive: every month with posts, by year; the site's map links here once it names only the newest months.
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class ArchiveIndexModel(ContentDisplays displays, LayoutDataFactory layouts, PageCacheEntry cache) : ListPageModel(layouts, cache)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        await ShowAsync(await displays.ArchiveIndexAsync(cancellationToken), cancellationToken);
}
