using BlogSite.Blog.Display;

namespace BlogSite.UnitTests.Blog;

/// The pager links a bounded number of pages however many there are: the first, the last and a few around the
/// current page.
public sealed class PagerViewTests
{
    [Theory]
    [InlineData(1, 2, new[] { 1, 2 })]
    [InlineData(1, 10_000, new[] { 1, 2, 3, 0, 10_000 })]
    [InlineData(4_000, 10_000, new[] { 1, 0, 3_998, 3_999, 4_000, 4_001, 4_002, 0, 10_000 })]
    [InlineData(10_000, 10_000, new[] { 1, 0, 9_998, 9_999, 10_000 })]
    [InlineData(4, 7, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    public void TheWindowHoldsTheEndsAndTheNeighboursOfTheCurrentPage(int page, int total, int[] expected)
    {
        var pager = new PagerView(page, total, "/");

        Assert.Equal(expected, pager.Window.Select(p => p ?? 0));
    }

    [Fact]
    public void AtAMillionPagesThePagerStillLinksAtMostNinePlaces()
    {
        Assert.All(new[] { 1, 2, 500_000, 999_999, 1_000_000 }, page => Assert.True(new PagerView(page, 1_000_000, "/").Window.Count <= 9));
    }
}
