using BlogSite.Blog.Display;
using BlogSite.Blog.Search;
using BlogSite.Cms.Admin.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// /search?q=…: ranked full-text results with highlighted snippets. An empty query shows the form.
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class SearchModel(BlogSearch search, LayoutDataFactory layouts) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Display = await search.SearchAsync(q, PageNumber.Parse(page), cancellationToken);
        Layout = await layouts.CreateAsync(Request, Display, cancellationToken);
        if (Display is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
