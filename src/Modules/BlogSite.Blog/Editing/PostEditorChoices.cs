using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// What the editor offers to pick from: the Categories tree, the existing tags, the images in the media library; and
/// the site's zone and time, which the publish date is entered in.
public sealed class PostEditorChoices(
    TermCatalog terms, BlogTaxonomyLocator locator, MediaLibrary media, MediaDescriptions descriptions, SiteSettingsStore settings, TimeProvider clock,
    PostExtraFields extras)
{
    public IReadOnlyList<TermIndex> Categories { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public IReadOnlyList<MediaFile> Images { get; private set; } = [];

    /// Each image's alt text and caption from the media library, offered when the image is inserted.
    public IReadOnlyDictionary<string, MediaDescription> ImageDescriptions { get; private set; } = new Dictionary<string, MediaDescription>();

    public string ZoneName { get; private set; } = "UTC";

    /// The site's local time now, as a datetime-local field writes it, so the page tells "Publish" from "Schedule".
    public string SiteNow { get; private set; } = "";

    /// The inputs of the fields the type has beyond the post's own.
    public IReadOnlyList<EditorInput> ExtraInputs { get; private set; } = [];

    public async Task<PostEditorChoices> LoadAsync(ContentItem? post, CancellationToken cancellationToken)
    {
        ExtraInputs = await extras.InputsAsync(post, cancellationToken);
        var (categories, tags) = await locator.GetAsync(cancellationToken);
        Categories = await terms.TreeAsync(categories, cancellationToken);
        Tags = [.. (await terms.TreeAsync(tags, cancellationToken)).Select(t => t.DisplayText).Order(StringComparer.OrdinalIgnoreCase)];
        Images = media.Images();
        ImageDescriptions = await descriptions.AllAsync(cancellationToken);
        var site = await settings.GetAsync(cancellationToken);
        ZoneName = site.TimeZone.Id;
        SiteNow = site.ShowTime(clock.GetUtcNow().UtcDateTime, "yyyy-MM-ddTHH:mm");
        return this;
    }

    public bool HasChildren(TermIndex term) => Categories.Any(t => t.ParentTermContentItemId == term?.TermContentItemId);
}
