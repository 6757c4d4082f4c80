using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Queries;

public sealed record DashboardFigures(int PublishedPosts, int Drafts, int Items, int Scheduled, IReadOnlyList<ContentItem> Recent);
