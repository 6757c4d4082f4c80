using BlogSite.Cms.Content.Caching;

namespace BlogSite.UnitTests.Content.Caching;

public sealed class GenerationalCacheTests
{
    [Fact]
    public void AValueIsGivenBackOnlyUnderTheGenerationItWasReadUnder()
    {
        using var cache = new GenerationalCache<string, string>(10);
        cache.Set("/blog/a", 3, "post A");

        Assert.True(cache.TryGet("/blog/a", 3, out var same));
        Assert.Equal("post A", same);
        Assert.False(cache.TryGet("/blog/a", 4, out _));
        Assert.False(cache.TryGet("/blog/b", 3, out _));
    }

    [Fact]
    public void ANewerCopyReplacesTheStaleOne()
    {
        using var cache = new GenerationalCache<long, string>(10);
        cache.Set(7, 1, "old title");
        cache.Set(7, 2, "new title");

        Assert.True(cache.TryGet(7, 2, out var current));
        Assert.Equal("new title", current);
    }

    [Fact]
    public void ItNeverHoldsMoreThanItsCapacity()
    {
        using var cache = new GenerationalCache<int, int>(100);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(i, 1, i);
        }

        var held = Enumerable.Range(0, 1_000).Count(i => cache.TryGet(i, 1, out _));
        Assert.InRange(held, 1, 100);
    }

    [Fact]
    public void MeasuredEntriesCountByTheirSize()
    {
        using var cache = new GenerationalCache<int, string>(10_000, body => body.Length);
        for (var i = 0; i < 100; i++)
        {
            cache.Set(i, 1, new string('x', 1_000));
        }

        var held = Enumerable.Range(0, 100).Count(i => cache.TryGet(i, 1, out _));
        Assert.InRange(held, 1, 10);
    }

    [Fact]
    public async Task ManyValuesAreReadOnlyWhereNoneIsKeptAndAreKeptAfterwards()
    {
        using var cache = new GenerationalCache<int, string>(10);
        cache.Set(1, 5, "kept one");
        var asked = new List<int>();

        var found = await cache.GetManyAsync([1, 2, 3, 2], 5, missing =>
        {
            asked.AddRange(missing);
            return Task.FromResult(missing.Where(k => k != 3).Select(k => KeyValuePair.Create(k, $"read {k}")));
        });

        Assert.Equal([2, 3], asked);
        Assert.Equal(new Dictionary<int, string> { [1] = "kept one", [2] = "read 2" }, found);
        Assert.True(cache.TryGet(2, 5, out var kept));
        Assert.Equal("read 2", kept);
    }
}
