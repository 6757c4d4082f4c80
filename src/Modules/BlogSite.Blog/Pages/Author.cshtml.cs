using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BlogSite.Blog.Pages;

/// /authors/{slug}: a person's published posts, newest first, with their bio and feed. No posts, no page (404).
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class AuthorModel(ContentDisplays displays, LayoutDataFactory layouts, PageCacheEntry cache) : ListPageModel(layouts, cache)
{
    public async Task OnGetAsync(string slug, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken) =>
        await ShowAsync(await displays.AuthorAsync(slug, PageNumber.Parse(page), cancellationToken), cancellationToken);
}
