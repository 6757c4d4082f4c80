using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Content.Settings;

/// Where absolute links start: the site's Base URL when it is set, so that no Host header a request sends can put
/// another address into a page, a feed or a sitemap; otherwise the address the request came to.
public static class PublicAddress
{
    public static Uri BaseOf(HttpRequest request, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(site);
        return site.BaseUrl ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }
}
