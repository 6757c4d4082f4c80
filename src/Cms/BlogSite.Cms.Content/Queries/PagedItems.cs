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

    /// One page of a list whose whole order is already in memory.
    public static PagedItems<T> Of<T>(T[] ordered, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var offset = Offset(page, pageSize);
        return new PagedItems<T>(offset < ordered.Length ? ordered[offset..Math.Min(ordered.Length, offset + pageSize)] : [], ordered.Length, page, pageSize);
    }

    /// The page numbers a pager links: the first, the last and <paramref name="around"/> on each side of the current
    /// page, with null where pages are left out, so a pager stays the same size however many pages there are.
    public static IReadOnlyList<int?> Window(int page, int totalPages, int around = 2)
    {
        var shown = new SortedSet<int> { 1, totalPages };
        for (var p = Math.Max(1, page - around); p <= Math.Min(totalPages, page + around); p++)
        {
            shown.Add(p);
        }

        var window = new List<int?>();
        var previous = 0;
        foreach (var p in shown.Where(p => p >= 1))
        {
            if (p > previous + 1)
            {
                window.Add(null);
            }

            window.Add(p);
            previous = p;
        }

        return window;
    }
}
