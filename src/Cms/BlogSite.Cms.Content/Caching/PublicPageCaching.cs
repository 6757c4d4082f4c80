using BlogSite.Cms.Content.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlogSite.Cms.Content.Caching;

/// The reader-facing HTTP layer: ASP.NET Core's output cache with <see cref="PublicPageCachePolicy"/> and eviction by
/// what changed, ETags and Last-Modified with 304s, and Brotli or gzip for public pages (never for the admin, whose
/// pages carry antiforgery tokens beside text an attacker could choose).
public static class PublicPageCaching
{
    private static readonly string[] NotPublic = ["/admin", "/api", "/media", "/avatars", "/_content", "/_framework", "/health", "/login", "/logout", "/account", "/error"];

    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PageCacheOptions>(configuration, PageCacheOptions.Section);
        services.AddScoped<PageCacheEntry>();
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddSingleton<ISiteChangeListener, OutputCacheEviction>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>, PublicPageCachePolicy>((cache, pages, policy) =>
        {
            // The one instance, alone: a policy added by type is resolved from the request's services, which made every
            // cached page open a dependency-injection scope, and ASP.NET Core's default policy (added beside any built
            // policy) asks for a user before authentication has run, which makes an empty one. This policy decides both.
            cache.AddBasePolicy(policy);
            cache.SizeLimit = pages.Value.SizeLimitBytes;
            cache.DefaultExpirationTimeSpan = pages.Value.Duration;
        });

        // Whatever store is registered (memory here, Redis on several nodes) is wrapped by the guard.
        services.DecorateOutputCacheStore((sp, store) => new GuardedOutputCacheStore(store, sp.GetRequiredService<SiteChangeFeed>()));

        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "image/svg+xml"];
        });
        return services;
    }

    /// Goes first in the pipeline, so a cached page is answered before routing, the theme or authentication run.
    public static IApplicationBuilder UsePublicPageCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(IsPublicPage, page =>
        {
            page.UseMiddleware<PageValidatorsMiddleware>();
            page.UseResponseCompression();
        });
        return app;
    }

    private static bool IsPublicPage(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        var extension = Path.GetExtension(path);
        return (extension.Length == 0 || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
            && !NotPublic.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
