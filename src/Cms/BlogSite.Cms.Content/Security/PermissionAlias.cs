namespace BlogSite.Cms.Content.Security;

/// A name a permission was once stored under; roles holding it hold the permission.
public sealed record PermissionAlias(string OldName, string Name);
