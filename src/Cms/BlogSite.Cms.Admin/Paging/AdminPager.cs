using BlogSite.Cms.Content.Queries;

namespace BlogSite.Cms.Admin.Paging;

/// The pager under an admin list: the first, the last and a few pages around the current one, each link made by
/// the list's own page, so a list of 100,000 items links as few pages as a list of 100.
public sealed record AdminPager(int Page, int TotalPages, Func<int, string> UrlFor)
{
    public IReadOnlyList<int?> Window => PagedItems.Window(Page, TotalPages);
}
