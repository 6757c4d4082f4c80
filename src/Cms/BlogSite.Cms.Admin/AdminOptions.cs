namespace BlogSite.Cms.Admin;

/// Bound to "BlogSite:Admin".
public sealed class AdminOptions
{
    public const string Section = "BlogSite:Admin";

    /// Sign-in attempts (POSTs to /login) allowed per client address per minute.
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
