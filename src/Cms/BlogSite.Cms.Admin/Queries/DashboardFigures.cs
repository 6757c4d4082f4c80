using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Queries;

/// What the dashboard counts: the modules' published-item cards, then drafts, schedules and items in all.
public sealed record DashboardFigures(
    IReadOnlyList<(string Label, int Count)> Published, int Drafts, int Items, int Scheduled, IReadOnlyList<ContentItem> Recent);
