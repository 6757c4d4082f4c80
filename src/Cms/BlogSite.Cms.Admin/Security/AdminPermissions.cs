namespace BlogSite.Cms.Admin.Security;

/// The admin's named permissions (Orchard Core's names). Every admin page and action checks one of these first.
public static class AdminPermissions
{
    public const string AccessAdminPanel = "AccessAdminPanel";
    public const string Import = "Import";
    public const string Export = "Export";
    public const string ManageRemoteClients = "ManageRemoteClients";
    public const string ManageSettings = "ManageSettings";
    public const string ManageUsers = "ManageUsers";
    public const string PublishContent = "PublishContent";
    public const string PublishOwnContent = "PublishOwnContent";
    public const string DeleteContent = "DeleteContent";
    public const string DeleteOwnContent = "DeleteOwnContent";
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";
    public const string PreviewContent = "PreviewContent";
    public const string PreviewOwnContent = "PreviewOwnContent";
    public const string ManageTaxonomies = "ManageTaxonomies";
    public const string ManageMediaContent = "ManageMediaContent";
    public const string ManageOwnMedia = "ManageOwnMedia";
    public const string EditContentTypes = "EditContentTypes";
    public const string ManageMenu = "ManageMenu";

    public static IReadOnlyList<string> All { get; } =
    [
        AccessAdminPanel, Import, Export, ManageRemoteClients, ManageSettings, ManageUsers,
        PublishContent, PublishOwnContent, DeleteContent, DeleteOwnContent, EditContent, EditOwnContent,
        PreviewContent, PreviewOwnContent, ManageTaxonomies, ManageMediaContent, ManageOwnMedia, EditContentTypes, ManageMenu,
    ];
}
