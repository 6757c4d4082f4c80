using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// What the editor offers to pick from: the Categories tree, the existing tags, the images in the media library.
public sealed class PostEditorChoices(TermCatalog terms, BlogTaxonomyLocator locator, MediaLibrary media)
{
    public IReadOnlyList<TermIndex> Categories { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public IReadOnlyList<MediaFile> Images { get; private set; } = [];

    public async Task<PostEditorChoices> LoadAsync(CancellationToken cancellationToken)
    {
        var (categories, tags) = await locator.GetAsync(cancellationToken);
        Categories = await terms.TreeAsync(categories, cancellationToken);
        Tags = [.. (await terms.TreeAsync(tags, cancellationToken)).Select(t => t.DisplayText).Order(StringComparer.OrdinalIgnoreCase)];
        Images = media.Images();
        return this;
    }

    public bool HasChildren(TermIndex term) => Categories.Any(t => t.ParentTermContentItemId == term?.TermContentItemId);
}
