namespace BlogSite.Cms.Admin.Dashboard;

/// A dashboard card a module registers: how many items of its type are published ("18 published posts").
/// Shown while <see cref="Feature"/> (if any) is enabled.
public sealed record PublishedCountCard(string ContentType, string Label, string? Feature = null);
