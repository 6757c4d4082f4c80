using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BlogSite.Cms.Content.Media;

/// Answers "/media/…?width=N" and "…?format=webp" with a resized copy; everything else (other widths and commands
/// included, as Orchard Core ignores what it does not support) goes on to the media folder's static files.
public sealed class ResizedMediaMiddleware(RequestDelegate next, ResizedImages resized)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments("/media", StringComparison.Ordinal, out var rest) && rest.HasValue
            && (request.Query.ContainsKey("width") || request.Query.ContainsKey("format")))
        {
            int? width = int.TryParse(request.Query["width"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : null;
            var webp = string.Equals(request.Query["format"], "webp", StringComparison.OrdinalIgnoreCase);
            if (await resized.GetAsync(rest.Value!.TrimStart('/'), width, webp, context.RequestAborted) is { } file)
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                // A media path never gets other content (uploads never overwrite), so neither does its resized copy.
                context.Response.Headers.CacheControl = "public, max-age=2592000";
                var info = new FileInfo(file.Path);
                var tag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture)}-{info.Length.ToString("x", CultureInfo.InvariantCulture)}\"");
                await Results.File(file.Path, file.ContentType, lastModified: info.LastWriteTimeUtc, entityTag: tag).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
