using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Queries;

/// What the dashboard counts (the modules' published-item cards, then drafts, changes, schedules, reviews and items in
/// all), each with the content-list filter it counted, and the latest edits.
public sealed record DashboardFigures(IReadOnlyList<DashboardFigure> Figures, IReadOnlyList<ContentItem> Recent);

/// One card: its count is the number of items the content list shows under <see cref="Filter"/>.
public sealed record DashboardFigure(string Label, int Count, ContentListFilter Filter);
