using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Theme;

/// The theme's table of contents. It has no services: only a layout, named partials and CSS, which the blog
/// module's pages pick up by name (_Layout, _PostList, _PostSummary, _Post, _TermBadges, _Pager, _Page, _NotFound, _Error).
public static class ThemeModule
{
    public static readonly FeatureDescriptor[] Features =
    [
        new("BlogSite.Theme", "BlogSite theme", "BlogSite.Blog") { IsTheme = true, OnByDefault = true },
    ];

    public static IServiceCollection AddBlogSiteTheme(this IServiceCollection services) => services.AddCmsFeatures(Features);
}
