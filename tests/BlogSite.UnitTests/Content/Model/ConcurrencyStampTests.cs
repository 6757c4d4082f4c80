using System.Collections.Concurrent;
using BlogSite.Cms.Content.Model;

namespace BlogSite.UnitTests.Content.Model;

public sealed class ConcurrencyStampTests
{
    [Fact]
    public void EveryStampIsNewAndShapedLikeAGuidsHexForm()
    {
        // More than a thread's block holds, so stamps from several blocks are compared.
        var item = new ContentItem();
        var stamps = new HashSet<string>(StringComparer.Ordinal) { item.ConcurrencyStamp };
        for (var i = 0; i < 1_000; i++)
        {
            item.Restamp();
            Assert.True(stamps.Add(item.ConcurrencyStamp), $"Stamp {i} repeated an earlier one.");
        }

        Assert.All(stamps, stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
    }

    [Fact]
    public void ThreadsDrawingAtOnceNeverShareAStamp()
    {
        var stamps = new ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 500; i++)
            {
                stamps.Add(new ContentItem().ConcurrencyStamp);
            }
        });

        Assert.Equal(stamps.Count, stamps.Distinct(StringComparer.Ordinal).Count());
    }
}
