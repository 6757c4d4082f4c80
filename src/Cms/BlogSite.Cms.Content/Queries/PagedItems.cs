namespace BlogSite.Cms.Content.Queries;

/// One page of a longer list.
public sealed record PagedItems<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int TotalPages => PagedItems.PageCount(Total, PageSize);
}

/// The only place the paging arithmetic lives.
public static class PagedItems
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// How many rows come before <paramref name="page"/> (1-based; anything below 1 counts as 1). A page far past
    /// the end gives an offset past every row, never an overflowed negative one.
    public static int Offset(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(1L, page) - 1) * pageSize);
}
