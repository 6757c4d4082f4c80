using Microsoft.IO;

namespace BlogSite.Cms.Content.Hosting;

/// Pooled memory for responses made whole before they are sent: every public page is held for its ETag, and feeds
/// and sitemap files are written before they are stripped. A page is about 25 KB, a feed 100 KB and a sitemap file
/// megabytes; growing fresh arrays for each request gave the GC a large share of a page's time.
public static class ResponseBuffers
{
    public static RecyclableMemoryStreamManager Pool { get; } = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
    });
}
