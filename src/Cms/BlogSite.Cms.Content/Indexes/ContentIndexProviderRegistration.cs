using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Indexes;

public static class ContentIndexProviderRegistration
{
    public static IServiceCollection AddContentIndexProvider<TProvider>(this IServiceCollection services) where TProvider : class, IContentIndexProvider =>
        services.AddScoped<IContentIndexProvider, TProvider>();
}
