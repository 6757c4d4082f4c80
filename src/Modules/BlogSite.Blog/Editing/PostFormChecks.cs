using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Media;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// What the post form alone cannot check: a free slug, a category that exists and has no children, an image that
/// is in the media library, a publish time that exists in the site's time zone.
public sealed class PostFormChecks(
    PostFormMapper mapper, RouteAvailability routes, TermCatalog terms, BlogTaxonomyLocator locator, SiteSettingsStore settings, MediaStore media)
{
    /// Everything wrong with the form that a save would stumble on, each for its field; <paramref name="publishing"/>
    /// asks for what readers need too (a title).
    public async Task<IReadOnlyList<PostFormProblem>> ProblemsAsync(
        PostForm form, ContentItem? latest, string contentItemId, bool publishing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<PostFormProblem>();
        if (publishing && string.IsNullOrWhiteSpace(form.Title))
        {
            problems.Add(new(nameof(PostForm.Title), "Enter a title before publishing; a draft can stay untitled."));
        }

        // An untitled draft has no address yet, so there is no slug to check.
        var addressed = publishing || !form.IsUntitled;
        if (addressed && PostFormMapper.SlugOf(form).Length == 0)
        {
            problems.Add(new(nameof(PostForm.Slug), "The slug needs at least one letter or digit; type one or give the post a title."));
        }
        else if (addressed && await mapper.PathOfAsync(form, latest, cancellationToken) is var path
            && await routes.FindTakenAsync([path], contentItemId, includeDrafts: true, cancellationToken) is not null)
        {
            problems.Add(new(nameof(PostForm.Slug), $"Another item already uses /{path}; choose a different slug."));
        }

        var (categories, _) = await locator.GetAsync(cancellationToken);
        if (form.CategoryId is { Length: > 0 } categoryId)
        {
            var tree = await terms.TreeAsync(categories, cancellationToken);
            if (tree.FirstOrDefault(t => t.TermContentItemId == categoryId) is not { } category)
            {
                problems.Add(new(nameof(PostForm.CategoryId), "That category no longer exists; choose another."));
            }
            else if (tree.Any(t => t.ParentTermContentItemId == category.TermContentItemId))
            {
                problems.Add(new(nameof(PostForm.CategoryId), $"'{category.DisplayText}' has sub-categories; choose one of them."));
            }
        }

        if (form.ImagePath is { Length: > 0 } image && (MediaStore.Problem(image) is not null || !media.Exists(image)))
        {
            problems.Add(new(nameof(PostForm.ImagePath), $"'{image}' is not in the media library; choose an image from the list or upload it first."));
        }

        if (!string.IsNullOrWhiteSpace(form.CanonicalUrl) && SeoMetaPart.WebAddress(form.CanonicalUrl) is null)
        {
            problems.Add(new(nameof(PostForm.CanonicalUrl), "Give the canonical address as a full http:// or https:// address, or leave it empty for this post's own."));
        }

        if (form.PublishDate is { } local && (await settings.GetAsync(cancellationToken)).Skips(local))
        {
            problems.Add(new(nameof(PostForm.PublishDate), "That time does not exist in the site's time zone (clocks change then); choose another."));
        }

        return problems;
    }
}
