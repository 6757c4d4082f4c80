using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Queries;

public sealed record PagedItems(IReadOnlyList<ContentItem> Items, int Total, int Page, int PageSize)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
