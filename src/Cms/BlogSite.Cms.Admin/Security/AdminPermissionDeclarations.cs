using BlogSite.Cms.Content.Security;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.Cms.Admin.Security.AdminPermissions;
using static BlogSite.Cms.Content.Security.RoleNames;

namespace BlogSite.Cms.Admin.Security;

/// The CMS's permissions with Orchard Core's default roles for each (Administrator has every permission anyway).
public static class AdminPermissionDeclarations
{
    public static IServiceCollection AddCmsPermissions(this IServiceCollection services) => services
        .AddPermissions("Admin",
            new PermissionDescriptor(AccessAdminPanel, "Use the admin dashboard", Editor, Moderator, Author, Contributor))
        .AddPermissions("Content",
            new PermissionDescriptor(ViewContent, "View published content on the site", Editor, Authenticated, Anonymous),
            new PermissionDescriptor(ViewOwnContent, "View own content", Editor, Author, Contributor),
            new PermissionDescriptor(EditContent, "Edit any content", Editor),
            new PermissionDescriptor(EditOwnContent, "Create and edit own content", Editor, Author, Contributor),
            new PermissionDescriptor(PublishContent, "Publish and unpublish any content", Editor),
            new PermissionDescriptor(PublishOwnContent, "Publish and unpublish own content", Editor, Author),
            new PermissionDescriptor(DeleteContent, "Delete any content", Editor),
            new PermissionDescriptor(DeleteOwnContent, "Delete own content", Editor, Author),
            new PermissionDescriptor(PreviewContent, "Preview any content", Editor),
            new PermissionDescriptor(PreviewOwnContent, "Preview own content", Editor, Author, Contributor))
        .AddPermissions("Taxonomies", new PermissionDescriptor(ManageTaxonomy, "Manage taxonomies", Editor))
        .AddPermissionAlias("ManageTaxonomies", ManageTaxonomy)
        .AddPermissions("Media",
            new PermissionDescriptor(ManageMediaContent, "Upload and delete any media", Editor),
            new PermissionDescriptor(ManageOwnMedia, "Upload media", Author, Contributor))
        .AddPermissions("Menus", new PermissionDescriptor(ManageMenu, "Manage menus"))
        .AddPermissions("Content types", new PermissionDescriptor(EditContentTypes, "Edit content types"))
        .AddPermissions("Users and roles",
            new PermissionDescriptor(ManageUsers, "Manage users"),
            new PermissionDescriptor(ManageRoles, "Manage roles and their permissions"))
        .AddPermissions("Site",
            new PermissionDescriptor(ManageSettings, "Manage site settings"),
            new PermissionDescriptor(ManageFeatures, "Enable and disable features"),
            new PermissionDescriptor(ApplyTheme, "Choose the site's theme"))
        .AddPermissions("Deployment",
            new PermissionDescriptor(Import, "Import recipes"),
            new PermissionDescriptor(Export, "Export recipes"),
            new PermissionDescriptor(ManageRemoteClients, "Manage deployment API clients"));
}
