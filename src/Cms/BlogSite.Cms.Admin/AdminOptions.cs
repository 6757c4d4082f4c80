using System.ComponentModel.DataAnnotations;

namespace BlogSite.Cms.Admin;

/// Bound to "BlogSite:Admin".
public sealed class AdminOptions
{
    public const string Section = "BlogSite:Admin";

    /// Sign-in attempts (POSTs to /login) allowed per client address per minute.
    [Range(1, 100_000, ErrorMessage = "BlogSite:Admin:SignInAttemptsPerMinute must be a whole number from 1 to 100000.")]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
