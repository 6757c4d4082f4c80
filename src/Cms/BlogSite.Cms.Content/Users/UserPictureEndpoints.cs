using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Cms.Content.Users;

/// /avatars/{id}.webp: a person's picture. Its address changes with the picture, so it may be kept for a year.
public static class UserPictureEndpoints
{
    public static IEndpointRouteBuilder MapUserPictures(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/avatars/{id:regex(^[0-9a-f]{{32}}$)}.webp", async (string id, UserPictures pictures, HttpContext context) =>
        {
            if (await pictures.ImageAsync(id, context.RequestAborted) is not { } image)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(image, "image/webp");
        });
        return endpoints;
    }
}
