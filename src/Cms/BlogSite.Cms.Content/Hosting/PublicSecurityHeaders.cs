using BlogSite.Cms.Content.Markdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BlogSite.Cms.Content.Hosting;

/// Readers' pages run only the site's own script files and style sheets (no inline script or style, so markup that
/// slipped past the sanitizer could neither run nor restyle the page; the themes use neither), load players only
/// from the video sites the embeds know, and may not be framed by another site. The admin sets its own headers.
/// Added as each response starts, and only where the admin has not set its own: the output cache then keeps pages
/// without them, so a cached page gets these same strings again rather than copies decoded from its entry on every hit.
public static class PublicSecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self' https:; " +
        "frame-src " + VideoEmbed.PlayerOrigins + "; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Func<object, Task> AddToResponse = state =>
    {
        var headers = ((HttpResponse)state).Headers;
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, Policy);
        headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UsePublicSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddToResponse, context.Response);
            return next(context);
        });
}
