using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Content.Hosting;

/// Readers' pages run only the site's own script files and style sheets (no inline script or style, so markup that
/// slipped past the sanitizer could neither run nor restyle the page; the themes use neither), load players only
/// from the video sites the embeds know, and may not be framed by another site. The admin sets its own headers.
/// Set before the output cache, so cached pages carry them too.
public static class PublicSecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self' https:; " +
        "frame-src " + VideoEmbed.PlayerOrigins + "; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UsePublicSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next(context);
        });
}
