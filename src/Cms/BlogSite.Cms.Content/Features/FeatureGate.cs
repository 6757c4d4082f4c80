using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Features;

/// Answers 404 for an endpoint whose feature is disabled, so enabling and disabling a feature takes effect at once,
/// with no restart. Call after UseRouting.
public static class FeatureGate
{
    public static IApplicationBuilder UseFeatureGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiredFeature>() is { Count: > 0 } required)
            {
                var features = context.RequestServices.GetRequiredService<FeatureManager>();
                foreach (var feature in required)
                {
                    if (!await features.IsEnabledAsync(feature.Id, context.RequestAborted))
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }
                }
            }

            await next(context);
        });
}
