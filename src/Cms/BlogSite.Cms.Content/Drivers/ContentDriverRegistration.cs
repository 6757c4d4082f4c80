using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Drivers;

/// How a module gives its parts and fields an editor and a display: the CMS builds every type's editor and public
/// display from the drivers registered here, so a module's part needs no change in the CMS.
public static class ContentDriverRegistration
{
    public static IServiceCollection AddContentPart<TDriver>(this IServiceCollection services) where TDriver : class, IContentPartDriver =>
        services.AddScoped<IContentPartDriver, TDriver>();

    public static IServiceCollection AddContentField<TDriver>(this IServiceCollection services) where TDriver : class, IContentFieldDriver =>
        services.AddScoped<IContentFieldDriver, TDriver>();
}
