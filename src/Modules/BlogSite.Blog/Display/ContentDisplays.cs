using System.Globalization;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.Blog.Display;

/// Readers' pages as <see cref="ContentDisplayBuilder"/> builds them (routed items, term pages, archives, authors),
/// kept per change generation: an item, its rendered body, its neighbours and a list's summaries are read and drawn
/// once per change for every reader the output cache does not answer (signed-in users, a site without a Base URL or with
/// the page cache off). A kept page gives its cache tags again each time, so the response still names what it shows.
public sealed class ContentDisplays(ContentDisplayBuilder builder, GenerationalCache<string, KeptDisplay> known, SiteChangeFeed feed, PageCacheEntry cache)
{
    /// Counted in characters of what the pages hold (<see cref="KeptDisplay.Size"/>): some 16 MB.
    public const long Capacity = 8 * 1024 * 1024;

    public Task<ContentDisplay?> BuildAsync(string? path, int page, CancellationToken cancellationToken) =>
        KeptAsync(
            $"item\n{page}\n{path}",
            // One entry per page: the other spellings of an address (extra slashes, spaces) are built each time.
            path is null || (path.Length <= RouteResolver.MaxKeptPathLength && path == ContentIndexer.NormalizePath(path)),
            () => builder.BuildAsync(path, page, cancellationToken));

    public Task<ContentDisplay?> ArchiveAsync(int year, int month, int page, CancellationToken cancellationToken) =>
        KeptAsync($"archive\n{page}\n{year}\n{month}", keep: true, () => builder.ArchiveAsync(year, month, page, cancellationToken));

    public Task<ContentDisplay?> ArchiveIndexAsync(CancellationToken cancellationToken) =>
        KeptAsync($"archive-index", keep: true, () => builder.ArchiveIndexAsync(cancellationToken));

    public Task<ContentDisplay?> AuthorAsync(string? slug, int page, CancellationToken cancellationToken) =>
        KeptAsync(
            $"author\n{page}\n{slug}", slug is null || slug.Length <= RouteResolver.MaxKeptPathLength, () => builder.AuthorAsync(slug, page, cancellationToken));

    private async Task<ContentDisplay?> KeptAsync(FormattableString keyText, bool keep, Func<Task<ContentDisplay?>> build)
    {
        if (!keep)
        {
            return await build();
        }

        var key = keyText.ToString(CultureInfo.InvariantCulture);
        // Read before the content, so a change committed while building makes the kept copy stale at once.
        var generation = feed.Generation;
        if (known.TryGet(key, generation, out var kept))
        {
            cache.Shows(kept.Tags);
            return kept.Display;
        }

        using var recording = cache.Record();
        var display = await build();
        // Only pages that exist are kept: an address that finds nothing or redirects costs one index read anyway, and
        // keeping those would let any made-up address take a place.
        if (display is { RedirectTo: null })
        {
            known.Set(key, generation, new KeptDisplay(display, [.. recording.Tags]));
        }

        return display;
    }
}
