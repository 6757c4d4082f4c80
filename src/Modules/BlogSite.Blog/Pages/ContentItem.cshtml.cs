using System.Globalization;
using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// Every public content URL: the home page, posts, term pages and any other routed item. Anything a reader may not
/// see, or that does not exist, is a 404 drawn in the theme.
public sealed class ContentItemModel(ContentDisplayBuilder builder, SiteSettingsStore settings) : PageModel, IHasLayoutData
{
    public ContentDisplay? Display { get; private set; }

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task<IActionResult> OnGetAsync(string? path, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        var pageNumber = page is null ? 1 : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        Display = await builder.BuildAsync(path, pageNumber, cancellationToken);
        var site = await settings.GetAsync(cancellationToken);
        if (Display is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Layout = new LayoutData(site.SiteName, site.Tagline, "Page not found", null);
            return Page();
        }

        var title = string.IsNullOrEmpty(path) && pageNumber == 1 ? site.SiteName : $"{Display.Title} – {site.SiteName}";
        Layout = new LayoutData(site.SiteName, site.Tagline, title, Display.Description ?? site.MetaDescription);
        return Page();
    }
}
