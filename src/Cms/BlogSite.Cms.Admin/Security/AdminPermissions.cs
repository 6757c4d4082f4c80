namespace BlogSite.Cms.Admin.Security;

/// The CMS's named permissions (Orchard Core's names). Every admin page and action checks one of these first; modules
/// declare their own with <c>AddPermissions</c>.
public static class AdminPermissions
{
    public const string AccessAdminPanel = "AccessAdminPanel";
    public const string ViewContent = "ViewContent";
    public const string ViewOwnContent = "ViewOwnContent";
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";
    public const string PublishContent = "PublishContent";
    public const string PublishOwnContent = "PublishOwnContent";
    public const string DeleteContent = "DeleteContent";
    public const string DeleteOwnContent = "DeleteOwnContent";
    public const string PreviewContent = "PreviewContent";
    public const string PreviewOwnContent = "PreviewOwnContent";
    public const string ManageTaxonomy = "ManageTaxonomy";
    public const string ManageMediaContent = "ManageMediaContent";
    public const string ManageOwnMedia = "ManageOwnMedia";
    public const string ManageMenu = "ManageMenu";
    public const string EditContentTypes = "EditContentTypes";
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";
    public const string ManageSettings = "ManageSettings";
    public const string ManageFeatures = "ManageFeatures";
    public const string ApplyTheme = "ApplyTheme";
    public const string Import = "Import";
    public const string Export = "Export";
    public const string ManageRemoteClients = "ManageRemoteClients";
}
