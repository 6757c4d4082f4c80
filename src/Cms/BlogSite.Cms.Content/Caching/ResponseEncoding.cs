using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace BlogSite.Cms.Content.Caching;

/// The content coding a response gets for a request's Accept-Encoding, chosen as ASP.NET Core's response compression
/// chooses (highest quality wins, Brotli before gzip on a tie), so the output cache keys a page by the three possible
/// answers rather than by whatever text a client sends.
public static class ResponseEncoding
{
    public static string Chosen(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.AcceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return "identity";
        }

        double Quality(string coding) =>
            accepted.Where(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || a.Value == "*")
                .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var brotli = Quality("br");
        var gzip = Quality("gzip");
        return brotli > 0 && brotli >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }
}
