using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Content.Hosting;

/// Refuses addresses carrying a NUL character (%00) with a 400 that says so. No page takes one, PostgreSQL cannot store
/// or compare one, and SQLite's full-text search fails on one: they used to end in a 500.
public static class NulCharacterGuard
{
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HasNul(request.Path.Value) || HasNul(request.QueryString.Value) || request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("The address contains a NUL character (%00), which no page of this site accepts.");
                return;
            }

            await next(context);
        });

    private static bool HasNul(string? text) =>
        text is not null && (text.Contains('\0', StringComparison.Ordinal) || text.Contains("%00", StringComparison.Ordinal));
}
