using BlogSite.Cms.Content.Routing;
using System.Security.Claims;
using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// Every public content URL: the home page, posts, term pages and any other routed item. Anything a reader may not
/// see, or that does not exist, is a 404 drawn in the theme; a path an item moved away from answers 301. Readers need
/// ViewContent, or ViewOwnContent for an item they own; a visitor without either is asked to sign in.
public sealed class ContentItemModel(ContentDisplays displays, LayoutDataFactory layouts, PageCacheEntry cache, IAuthorizationService authorization) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task<IActionResult> OnGetAsync(string? path, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        var mayViewAll = (await authorization.AuthorizeAsync(User, AdminPermissions.ViewContent)).Succeeded;
        if (!mayViewAll && !(await authorization.AuthorizeAsync(User, AdminPermissions.ViewOwnContent)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Display = await displays.BuildAsync(path, PageNumber.Parse(page), cancellationToken);
        if (!mayViewAll && Display is not null && (Display.Owner is null || Display.Owner != User.FindFirstValue(ClaimTypes.NameIdentifier)))
        {
            return Forbid();
        }

        if (Display?.RedirectTo is { } moved)
        {
            // The target comes from the route index, never from the request, so this cannot be an open redirect.
            return LocalRedirectPermanent(LocalRedirectAddress.Escape(moved + Request.QueryString));
        }

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

        return Page();
    }
}
