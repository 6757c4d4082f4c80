using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Indexes;

/// An index kept of content versions beside the CMS's own rows (routes, terms, containment), as Orchard Core's index
/// providers are: told of every version whose content was written and of every version removed, in the same
/// transaction. The search index is one; a module registers its own with
/// <see cref="ContentIndexProviderRegistration.AddContentIndexProvider{TProvider}"/>.
public interface IContentIndexProvider
{
    Task IndexAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken);

    Task RemoveAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken);
}
