using System.Text.Json.Nodes;
using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Editing;

/// Turns a stored post into the editor's form and the form back into a post version; <see cref="PostFormChecks"/>
/// says first whether the form can be saved.
public sealed class PostFormMapper(
    BlogPostQueries posts, TermCatalog terms, TaxonomyEditor taxonomies, BlogTaxonomyLocator locator, SiteSettingsStore settings)
{
    public const string PathPrefix = "blog/";

    /// The form for <paramref name="post"/>; a pending schedule's time fills an empty publish date.
    public async Task<PostForm> FormOfAsync(ContentItem post, DateTime? scheduledUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var site = await settings.GetAsync(cancellationToken);
        var fields = post.As<BlogPost>();
        var tagNames = fields?.Tags?.TagNames is { Count: > 0 } names ? names : await NamesAsync(fields?.Tags?.TermContentItemIds, cancellationToken);
        var path = post.As<AutoroutePart>()?.Path ?? "";
        var when = PublishLaterPart.ScheduleOf(post) ?? post.PublishedUtc ?? scheduledUtc;
        return new PostForm
        {
            Title = post.As<TitlePart>()?.Title ?? post.DisplayText,
            Slug = path.StartsWith(PathPrefix, StringComparison.Ordinal) ? path[PathPrefix.Length..] : path,
            Subtitle = fields?.Subtitle?.Text,
            Markdown = post.As<MarkdownBodyPart>()?.Markdown,
            CategoryId = fields?.CategoryId,
            Tags = string.Join(", ", tagNames),
            ImagePath = fields?.FirstImage,
            PublishDate = when is { } utc ? site.ToSiteTime(utc) : null,
            ConcurrencyStamp = post.ConcurrencyStamp,
        };
    }

    /// The post version the form describes, built on <paramref name="existing"/> so parts the editor does not show
    /// are kept. With <paramref name="createTags"/>, tags the taxonomy lacks are added to it; otherwise (autosave)
    /// they are kept only by name until a real save.
    public async Task<ContentItem> BuildAsync(
        PostForm form, ContentItem? existing, string contentItemId, string? ownerId, bool createTags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (categories, tags) = await locator.GetAsync(cancellationToken);
        var title = form.Title.Trim();
        var site = await settings.GetAsync(cancellationToken);
        var post = new ContentItem
        {
            ContentItemId = contentItemId,
            ContentType = BlogContentDefinitions.BlogPost,
            DisplayText = title,
            Owner = existing?.Owner ?? ownerId,
            PublishedUtc = form.PublishDate is { } local ? site.ToUtc(local) : existing?.PublishedUtc,
            Content = existing is null ? [] : (JsonObject)existing.Content.DeepClone(),
        };
        post.Apply(new TitlePart(title))
            .Apply(new AutoroutePart(PathPrefix + SlugOf(form)))
            .Apply(new MarkdownBodyPart(form.Markdown ?? ""))
            .Remove<PublishLaterPart>();
        if (!post.Has<ContainedPart>() && await posts.BlogIdAsync(cancellationToken) is { } blogId)
        {
            post.Apply(new ContainedPart(blogId));
        }

        var tagNames = form.TagNames();
        var tagIds = createTags
            ? await taxonomies.EnsureTermsAsync(tags, tagNames, cancellationToken)
            : await ExistingIdsAsync(tags, tagNames, cancellationToken);
        var image = form.ImagePath is { Length: > 0 } path ? path : null;
        return post.Apply(new BlogPost(
            Subtitle: new TextField(form.Subtitle?.Trim() ?? ""),
            Image: new MediaField(image is null ? [] : [image], image is null ? [] : [""]),
            Category: new TaxonomyField(categories, form.CategoryId is { Length: > 0 } category ? [category] : []),
            Tags: new TaxonomyField(tags, tagIds, tagNames)));
    }

    public static string SlugOf(PostForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SlugGenerator.Slugify(string.IsNullOrWhiteSpace(form.Slug) ? form.Title : form.Slug);
    }

    private async Task<IReadOnlyList<string>> NamesAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var id in ids ?? [])
        {
            if (await terms.FindAsync(id, cancellationToken) is { } term)
            {
                names.Add(term.DisplayText);
            }
        }

        return names;
    }

    private async Task<IReadOnlyList<string>> ExistingIdsAsync(string taxonomyId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var known = (await terms.TreeAsync(taxonomyId, cancellationToken)).ToLookup(t => t.DisplayText, StringComparer.OrdinalIgnoreCase);
        return [.. names.SelectMany(n => known[n].Take(1)).Select(t => t.TermContentItemId)];
    }
}
