using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BlogSite.Cms.Content.Hosting;

/// Refuses addresses and posted form fields carrying a NUL character (%00) with a 400 that says so. No page takes one,
/// PostgreSQL cannot store or compare one, and SQLite's full-text search fails on one: they used to end in a 500.
/// Multipart forms (uploads, deployment packages) are left to their readers, which stream them.
public static class NulCharacterGuard
{
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // The raw query is enough: a decoded NUL can only have been %00 in it (Kestrel refuses a raw one), and
            // parsing the query here would cost every request, a cached page's too.
            if (HasNul(request.Path.Value) || HasNul(request.QueryString.Value))
            {
                await RefuseAsync(context, "The address contains a NUL character (%00), which no page of this site accepts.");
                return;
            }

            IFormCollection? form = null;
            if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                try
                {
                    form = await request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException e)
                {
                    await RefuseAsync(context, $"The form could not be read: {e.Message}");
                    return;
                }
            }

            if (form?.FirstOrDefault(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } field })
            {
                await RefuseAsync(context, $"The form field '{field.Replace("\0", "", StringComparison.Ordinal)}' contains a NUL character, which no form of this site accepts.");
                return;
            }

            await next(context);
        });

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
    }

    private static bool HasNul(string? text) =>
        text is not null && (text.Contains('\0', StringComparison.Ordinal) || text.Contains("%00", StringComparison.Ordinal));
}
