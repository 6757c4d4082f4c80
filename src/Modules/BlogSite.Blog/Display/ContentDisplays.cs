using System.Globalization;
using BlogSite.Cms.Content.Caching;

namespace BlogSite.Blog.Display;

/// Routed pages (posts, the blog, pages, term pages) as <see cref="ContentDisplayBuilder"/> builds them, kept per change
/// generation: the item, its rendered body, its neighbours and related posts are read and drawn once per change for
/// every reader the output cache does not answer (signed-in users, a site without a Base URL or with the page cache
/// off). A kept page gives its cache tags again each time, so the response still names everything it shows.
public sealed class ContentDisplays(ContentDisplayBuilder builder, GenerationalCache<string, KeptDisplay> known, SiteChangeFeed feed, PageCacheEntry cache)
{
    /// Counted in pages; a post's page is mostly its body, so a few tens of KB each.
    public const int Capacity = 500;

    public async Task<ContentDisplay?> BuildAsync(string? path, int page, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{page}\n{path}");
        // Read before the content, so a change committed while building makes the kept copy stale at once.
        var generation = feed.Generation;
        if (known.TryGet(key, generation, out var kept))
        {
            cache.Shows(kept.Tags);
            return kept.Display;
        }

        var before = cache.Tags.ToHashSet(StringComparer.Ordinal);
        var display = await builder.BuildAsync(path, page, cancellationToken);
        // Only pages that exist are kept: an address that finds nothing or redirects costs one index read anyway, and
        // keeping those would let any made-up address take a place.
        if (display is { RedirectTo: null })
        {
            known.Set(key, generation, new KeptDisplay(display, [.. cache.Tags.Where(tag => !before.Contains(tag))]));
        }

        return display;
    }
}

public sealed record KeptDisplay(ContentDisplay Display, IReadOnlyList<string> Tags);
