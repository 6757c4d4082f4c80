using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Cms.Content.Caching;

/// Puts a store around whichever output cache store is registered so far (the memory store, or Redis on several
/// nodes), so each layer stays unaware of what it wraps.
public static class OutputCacheStoreDecoration
{
    public static IServiceCollection DecorateOutputCacheStore(
        this IServiceCollection services, Func<IServiceProvider, IOutputCacheStore, IOutputCacheStore> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton(sp => decorate(sp, (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
        return services;
    }
}
