using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.Cms.Content.Routing;

/// The paths a type's Autoroute pattern gives its items.
public sealed class AutoroutePaths(ContentDefinitionStore definitions, ContentStore store)
{
    /// Orchard Core's pattern when a type's Autoroute settings name none: the item's title, slugified.
    public const string DefaultPattern = "{{ ContentItem | display_text | slugify }}";

    /// The path the pattern of the item's type makes for it (<see cref="DefaultPattern"/> when the settings name
    /// none); null when the type has no Autoroute part, an empty pattern or a broken one.
    public async Task<string?> GenerateAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var type = (await definitions.GetAsync(cancellationToken)).Type(item.ContentType);
        if (type?.PartOf<AutoroutePart>() is not { } part)
        {
            return null;
        }

        var source = DefinitionSettings.Get<AutoroutePartSettings>(part.Settings)?.Pattern ?? DefaultPattern;
        if (source.Length == 0 || !AutoroutePattern.TryParse(source, out var pattern, out _))
        {
            return null;
        }

        var path = await pattern!.RenderAsync(item, id => store.GetLatestAsync(id, cancellationToken));
        return path.Length > 0 ? path : null;
    }

    /// A path's parent ("news/2024" of "news/2024/hello"; empty for a single segment) and its last segment.
    public static (string Parent, string Last) Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? ("", trimmed) : (trimmed[..slash], trimmed[(slash + 1)..]);
    }

    public static string Join(string parent, string last) => parent.Length == 0 ? last : $"{parent}/{last}";
}
