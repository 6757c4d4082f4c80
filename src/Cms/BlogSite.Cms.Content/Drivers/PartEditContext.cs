using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Drivers;

/// A part of a type being edited: its place in the type (with its settings), the item (null for a new one) and the site.
public sealed record PartEditContext(ContentTypePartDefinition Part, ContentItem? Item, SiteSettings Site)
{
    /// The part's settings of type <typeparamref name="TSettings"/>, as the type stores them.
    public TSettings? Settings<TSettings>() where TSettings : class => DefinitionSettings.Get<TSettings>(Part.Settings);
}
