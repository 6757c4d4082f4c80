using BlogSite.Cms.Content.Caching;
using Microsoft.AspNetCore.Mvc;

namespace BlogSite.Blog.Navigation;

/// The reader's map of the blog: categories with their children, tags and months, each with its post count.
/// The theme draws it from Components/SiteNavigation/Default.cshtml. It is on every page and depends only on lists,
/// so <see cref="SiteNavigation"/> builds it once per change to them.
public sealed class SiteNavigationViewComponent(SiteNavigation navigation, PageCacheEntry cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        return View(await navigation.GetAsync());
    }
}
