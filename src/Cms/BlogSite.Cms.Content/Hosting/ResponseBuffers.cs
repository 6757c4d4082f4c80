using Microsoft.IO;

namespace BlogSite.Cms.Content.Hosting;

/// Pooled memory for responses made whole before they are sent, so each request does not grow fresh arrays for them.
/// The pools keep what 32 requests at once use and let the rest go: memory kept free for a rare burst (or for a sitemap
/// file of megabytes, which the output cache keeps anyway) is memory the site holds all the time.
public static class ResponseBuffers
{
    /// Every public page, held for its ETag: about 25 KB, less once compressed. Blocks stay under the large object heap.
    public static RecyclableMemoryStreamManager Pages { get; } = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 32 * 1024,
        MaximumSmallPoolFreeBytes = 2 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 2 * 1024 * 1024,
    });

    /// Feeds (about 100 KB) and sitemap files (megabytes), read back as one buffer after they are written.
    public static RecyclableMemoryStreamManager Documents { get; } = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 2 * 1024 * 1024,
    });
}
