using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Queries;

/// What the dashboard counts: the modules' published-item cards, then drafts, schedules, items waiting for review and
/// items in all.
public sealed record DashboardFigures(
    IReadOnlyList<(string Label, int Count)> Published, int Drafts, int Items, int Scheduled, int Pending, IReadOnlyList<ContentItem> Recent);
