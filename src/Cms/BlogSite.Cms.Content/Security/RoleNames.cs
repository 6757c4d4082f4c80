namespace BlogSite.Cms.Content.Security;

/// Orchard Core's predefined roles. Administrator has every permission; Anonymous and Authenticated stand for every
/// visitor who is not, or is, signed in.
public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Moderator = "Moderator";
    public const string Author = "Author";
    public const string Contributor = "Contributor";
    public const string Authenticated = "Authenticated";
    public const string Anonymous = "Anonymous";

    /// Roles the site needs whatever else changes: they cannot be deleted.
    public static IReadOnlyList<string> System { get; } = [Administrator, Authenticated, Anonymous];
}
