using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Editing;

/// The editor of one type: its definition, the inputs for an item of it, and the site (whose zone dates are in).
public sealed record ContentEditorForm(ContentTypeDefinition Type, ContentPartDefinition? OwnPart, IReadOnlyList<EditorInput> Inputs, SiteSettings Site)
{
    public bool Draftable => DefinitionSettings.Get<ContentTypeSettings>(Type.Settings)?.Draftable ?? false;

    /// The type's parts that hold items inside the item (BagPart, FlowPart).
    public IReadOnlyList<NestedItemHolder> Holders { get; init; } = [];

    /// Whether the type's Autoroute settings offer "Set as home page".
    public bool ShowsHomepageOption =>
        Type.PartOf<AutoroutePart>() is { } part && DefinitionSettings.Get<AutoroutePartSettings>(part.Settings) is { ShowHomepageOption: true };
}
