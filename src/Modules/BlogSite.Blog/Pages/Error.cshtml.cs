using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages;

/// Where unhandled exceptions land: a plain apology in the theme, never a stack trace.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SiteSettingsStore settings) : PageModel, IHasLayoutData
{
    public LayoutData Layout { get; private set; } = new("BlogSite", null, "Something went wrong", null) { ShowNavigation = false, NoIndex = true };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var site = await settings.GetAsync(cancellationToken);
            Layout = Layout with { SiteName = site.SiteName, Tagline = site.Tagline };
        }
#pragma warning disable CA1031 // The error page must render even when the database is what failed.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
