using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// Every public content URL: the home page, posts, term pages and any other routed item. Anything a reader may not
/// see, or that does not exist, is a 404 drawn in the theme; a path an item moved away from answers 301.
[Authorize(Policy = AdminPermissions.ViewContent)]
public sealed class ContentItemModel(ContentDisplayBuilder builder, LayoutDataFactory layouts) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task<IActionResult> OnGetAsync(string? path, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Display = await builder.BuildAsync(path, PageNumber.Parse(page), cancellationToken);
        if (Display?.RedirectTo is { } moved)
        {
            // The target comes from the route index, never from the request, so this cannot be an open redirect.
            return LocalRedirectPermanent(moved + Request.QueryString);
        }

        Layout = await layouts.CreateAsync(Request, Display, cancellationToken);
        if (Display is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
