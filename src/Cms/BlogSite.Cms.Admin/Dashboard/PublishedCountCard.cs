namespace BlogSite.Cms.Admin.Dashboard;

/// A dashboard card a module registers: how many items of its type are published ("18 published posts").
public sealed record PublishedCountCard(string ContentType, string Label);
