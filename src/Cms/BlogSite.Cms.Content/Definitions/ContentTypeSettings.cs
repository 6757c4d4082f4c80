namespace BlogSite.Cms.Content.Definitions;

/// Orchard Core's type settings: whether editors create items of the type, list them, keep drafts and versions.
public sealed record ContentTypeSettings(
    bool Creatable = false, bool Listable = false, bool Draftable = false, bool Versionable = false, string? Stereotype = null);
