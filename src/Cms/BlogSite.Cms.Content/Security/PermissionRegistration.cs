using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlogSite.Cms.Content.Security;

/// How a module declares its permissions: each becomes a policy of the same name, a line on the roles page under
/// <c>group</c>, and part of its default roles.
public static class PermissionRegistration
{
    public static IServiceCollection AddPermissions(this IServiceCollection services, string group, params PermissionDescriptor[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        services.TryAddSingleton<PermissionCatalog>();
        foreach (var permission in permissions)
        {
            services.AddSingleton(permission with { Group = group });
        }

        return services;
    }

    /// Roles that hold <paramref name="oldName"/> (as an earlier BlogSite wrote it) hold <paramref name="name"/>.
    public static IServiceCollection AddPermissionAlias(this IServiceCollection services, string oldName, string name) =>
        services.AddSingleton(new PermissionAlias(oldName, name));
}
