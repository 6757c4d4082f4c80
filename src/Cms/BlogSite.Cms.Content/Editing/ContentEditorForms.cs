using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Editing;

/// Builds the editor of a type from its definition.
public sealed class ContentEditorForms(ContentDefinitionStore definitions, SiteSettingsStore settings, ContentEditorInputs inputs)
{
    /// Null when the site has no such type.
    public async Task<ContentEditorForm?> ForAsync(string contentType, ContentItem? item, CancellationToken cancellationToken = default)
    {
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(contentType) is not { } type)
        {
            return null;
        }

        var site = await settings.GetAsync(cancellationToken);
        var ownPart = document.Part(type.Name);
        return new ContentEditorForm(type, ownPart, await inputs.ForAsync(type, ownPart, item, site, cancellationToken), site)
        {
            Holders = NestedItemHolder.Of(type, document),
        };
    }
}
