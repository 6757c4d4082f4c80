using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Themes;

public static class SiteThemeMiddleware
{
    /// Notes the current theme for requests that draw views, for <see cref="ThemeViewLocations.PopulateValues"/>
    /// (which cannot wait on a query); static files, feeds and other endpoints that draw none skip the lookup. Call
    /// after UseRouting, before the endpoints.
    public static IApplicationBuilder UseSiteTheme(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is not null)
            {
                context.Items[ThemeViewLocations.Key] = await context.RequestServices.GetRequiredService<SiteThemes>().CurrentAsync(context.RequestAborted);
            }

            await next(context);
        });
}
