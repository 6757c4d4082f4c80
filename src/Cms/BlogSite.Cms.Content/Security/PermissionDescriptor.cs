namespace BlogSite.Cms.Content.Security;

/// A permission a module declares, with the roles (Orchard Core's stereotypes: Editor, Author…) that get it when
/// they are created without a list of their own. <see cref="Group"/> is the module that declares it.
public sealed record PermissionDescriptor(string Name, string Description, params string[] DefaultRoles)
{
    public string Group { get; init; } = "";

    /// The feature that brings the permission: when it is enabled, roles of <see cref="DefaultRoles"/> that exist
    /// already are given it, as Orchard Core's role updater does.
    public string? Feature { get; init; }
}
