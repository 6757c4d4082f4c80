using BlogSite.Cms.Content.Definitions;

namespace BlogSite.Cms.Content.Features;

/// A feature a project declares in its entry file. The content types it declares in code are merged into the site's
/// definitions when the feature is enabled, as Orchard Core's migrations do.
public sealed record FeatureDescriptor(string Id, string Name, params string[] Dependencies)
{
    public bool IsTheme { get; init; }

    /// The CMS core: on in every site from its first recipe, as Orchard Core's setup enables its core features.
    public bool AlwaysEnabled { get; init; }

    /// On in every site unless a recipe or an administrator turns it off: the features a BlogSite exists for, so a
    /// site imported from an Orchard Core recipe (which cannot name them) still has its pages.
    public bool OnByDefault { get; init; }

    public ContentDefinitionDocument? ContentDefinitions { get; init; }
}
