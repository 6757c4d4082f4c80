using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace BlogSite.Cms.Content.Caching;

/// Which responses the full-page cache may answer and keep. Only anonymous GETs (no sign-in cookie, no Authorization
/// header) are looked up; a response is kept only when its page said so (<see cref="PageCacheEntry.StoreAt"/>), for
/// exactly the address it is canonical for, with status 200 and no cookie set. The key is the path, the page number and
/// the response encoding: no other header or query value reaches it, so nothing a request sends can poison an entry
/// or create new ones, and the site's Base URL (not the request's Host) writes every absolute link.
public sealed class PublicPageCachePolicy(IOptions<PageCacheOptions> options, SiteChangeFeed changes) : IOutputCachePolicy
{
    private const string GenerationKey = "BlogSite.PageCache.Generation";
    private static readonly string[] PageQuery = ["page"];
    private KnownAuthority baseUrl = new(-1, null);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var cacheable = options.Value.Enabled
            && HttpMethods.IsGet(request.Method)
            && IsAnonymous(request)
            && await BaseAuthorityAsync(context.HttpContext, cancellation) is { } authority
            && string.Equals(request.Host.Value, authority, StringComparison.OrdinalIgnoreCase);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.Duration;
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.QueryKeys = new StringValues(PageQuery);
        // The coding is the key's prefix: the same variation as a vary-by value, without a dictionary per request.
        context.CacheVaryByRules.CacheKeyPrefix = ResponseEncoding.Chosen(request);
        context.HttpContext.Items[GenerationKey] = changes.Generation;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var entry = http.RequestServices.GetRequiredService<PageCacheEntry>();
        var address = http.Request.Path.Value + http.Request.QueryString.Value;
        context.AllowCacheStorage = context.AllowCacheStorage
            && http.Items[GenerationKey] is long
            && http.Response.StatusCode == StatusCodes.Status200OK
            && !http.Response.Headers.ContainsKey("Set-Cookie")
            && entry.Address is not null
            && string.Equals(entry.Address, address, StringComparison.Ordinal);
        if (context.AllowCacheStorage)
        {
            context.Tags.UnionWith(entry.Tags);
            // Named by the generation the page was read under: the store refuses it if any change was committed since.
            context.Tags.Add(GuardedOutputCacheStore.GenerationTag((long)http.Items[GenerationKey]!));
        }

        return ValueTask.CompletedTask;
    }

    /// The host and port of the site's Base URL, read again only after a change, so a cached page costs no database read
    /// (and no new string: Uri.Authority builds one on every call).
    private async ValueTask<string?> BaseAuthorityAsync(HttpContext context, CancellationToken cancellation)
    {
        var known = baseUrl;
        var generation = changes.Generation;
        if (known.Generation == generation)
        {
            return known.Authority;
        }

        var site = await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(cancellation);
        baseUrl = new KnownAuthority(generation, site.BaseUrl?.Authority);
        return baseUrl.Authority;
    }

    // A reference, so readers on other threads see a generation and its authority together, never one torn from the other.
    private sealed record KnownAuthority(long Generation, string? Authority);

    /// Signed-in users carry Identity's cookies; anything else that authenticates sends Authorization.
    private static bool IsAnonymous(HttpRequest request) =>
        !request.Headers.ContainsKey("Authorization")
        && (request.Headers.Cookie.Count == 0 || !request.Cookies.Keys.Any(name => name.StartsWith(".AspNetCore.Identity.", StringComparison.Ordinal)));
}
