using BlogSite.Cms.Admin.Security;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.Cms.Admin.Security.AdminPermissions;

namespace BlogSite.Cms.Admin.Navigation;

/// How a module adds to the admin menu, and the CMS's own entries.
public static class AdminMenuRegistration
{
    public static IServiceCollection AddAdminMenuEntry(this IServiceCollection services, AdminMenuEntry entry) => services.AddSingleton(entry);

    public static IServiceCollection AddCmsAdminMenu(this IServiceCollection services) => services
        .AddAdminMenuEntry(new("Content", "Dashboard", "/Admin/Index", 0, AccessAdminPanel))
        .AddAdminMenuEntry(new("Content", "Content", "/Admin/Content/Index", 10, AccessAdminPanel))
        .AddAdminMenuEntry(new("Content", "Taxonomies", "/Admin/Taxonomies/Index", 20, ManageTaxonomy))
        .AddAdminMenuEntry(new("Content", "Menus", "/Admin/Menus/Index", 30, ManageMenu))
        .AddAdminMenuEntry(new("Content", "Media", "/Admin/Media/Index", 40, ManageMediaContent, ManageOwnMedia))
        .AddAdminMenuEntry(new("Design", "Content types", "/Admin/ContentTypes/Index", 50, EditContentTypes))
        .AddAdminMenuEntry(new("Deployment", "Import", "/Admin/Deployment/Import", 60, Import))
        .AddAdminMenuEntry(new("Deployment", "Export", "/Admin/Deployment/Export", 61, Export))
        .AddAdminMenuEntry(new("Deployment", "API clients", "/Admin/Deployment/Clients", 62, ManageRemoteClients))
        .AddAdminMenuEntry(new("Access", "Users", "/Admin/Users/Index", 70, ManageUsers))
        .AddAdminMenuEntry(new("Access", "Roles", "/Admin/Roles/Index", 71, ManageRoles))
        .AddAdminMenuEntry(new("Configuration", "Features", "/Admin/Features/Index", 80, ManageFeatures))
        .AddAdminMenuEntry(new("Configuration", "Themes", "/Admin/Themes/Index", 81, ApplyTheme))
        .AddAdminMenuEntry(new("Configuration", "Settings", "/Admin/Settings/Index", 82, ManageSettings));
}
