using System.Globalization;

namespace BlogSite.Blog.Display;

public static class PageNumber
{
    /// "?page=N" as a reader may type it: absent is 1, anything but a positive whole number is 0 (a 404).
    public static int Parse(string? page) =>
        page is null ? 1 : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
