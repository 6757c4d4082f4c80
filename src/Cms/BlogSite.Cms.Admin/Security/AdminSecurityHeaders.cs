using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Admin.Security;

/// The admin and sign-in pages may not be framed (clickjacking on buttons that publish and delete) and run only
/// the site's own scripts, so injected markup could not act for a signed-in editor. The editor's preview may open the
/// same video players as readers' pages.
public static class AdminSecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "frame-src " + VideoEmbed.PlayerOrigins + "; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseAdminSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/admin") || path.StartsWithSegments("/login") || path.StartsWithSegments("/account"))
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                context.Response.Headers.XFrameOptions = "DENY";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                // Account pages carry a link's secret in their address: it must not travel on in a Referer.
                context.Response.Headers["Referrer-Policy"] = path.StartsWithSegments("/account") ? "no-referrer" : "same-origin";
            }

            await next(context);
        });
}
