using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Themes;

public static class SiteThemeMiddleware
{
    /// Notes the current theme on each request, for <see cref="PopulateValues"/> (which cannot wait on a query). Call before the endpoints..
    public static IApplicationBuilder UseSiteTheme(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Items[ThemeViewLocations.Key] = await context.RequestServices.GetRequiredService<SiteThemes>().CurrentAsync(context.RequestAborted);
            await next(context);
        });
}
