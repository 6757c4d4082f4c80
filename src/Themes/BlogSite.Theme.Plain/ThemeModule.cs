using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Theme.Plain;

/// A second, deliberately plain theme: the same named views as the default theme (the contract every theme keeps),
/// one column, system fonts, no sidebar. It proves a theme is only views and CSS.
public static class PlainThemeModule
{
    public const string FeatureId = "BlogSite.Theme.Plain";

    public static readonly FeatureDescriptor[] Features =
    [
        new(FeatureId, "Plain theme", "BlogSite.Blog") { IsTheme = true },
    ];

    public static IServiceCollection AddPlainTheme(this IServiceCollection services) => services.AddCmsFeatures(Features);
}
