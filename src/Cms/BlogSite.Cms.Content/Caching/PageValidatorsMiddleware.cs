using System.Security.Cryptography;
using BlogSite.Cms.Content.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace BlogSite.Cms.Content.Caching;

/// Gives each public page and feed a strong ETag (a hash of the bytes sent, so each content coding has its own) and a
/// Last-Modified (the last change this process knows of), and answers a conditional GET whose validator still matches
/// with 304 and no body. Cached pages keep these headers, and the output cache answers their conditional requests.
public sealed class PageValidatorsMiddleware(RequestDelegate next, SiteChangeFeed changes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var lastModified = changes.LastChangeUtc;
        var original = context.Response.Body;
        await using var buffer = ResponseBuffers.Pages.GetStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        var entry = context.RequestServices.GetRequiredService<PageCacheEntry>();
        if (response.StatusCode == StatusCodes.Status200OK && entry.Address is not null && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(HashOf(buffer)[..16]).TrimEnd('=')}\"");
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            if (NotModified(context.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static byte[] HashOf(RecyclableMemoryStream body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var block in body.GetReadOnlySequence())
        {
            hash.AppendData(block.Span);
        }

        return hash.GetHashAndReset();
    }

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } candidates)
        {
            // If-None-Match decides whenever it is sent (RFC 9110 13.2.2); If-Modified-Since is then ignored.
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }
}
