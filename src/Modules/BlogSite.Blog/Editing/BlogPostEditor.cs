using System.Text.Json.Nodes;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Editing;

/// Turns a stored post into the editor's form and the form back into a post version; <see cref="PostFormChecks"/>
/// says first whether the form can be saved.
public sealed class BlogPostEditor(
    CmsDbContext db, TermCatalog terms, TaxonomyEditor taxonomies, BlogTaxonomyLocator locator, SiteSettingsStore settings)
{
    public const string PathPrefix = "blog/";

    /// The form for <paramref name="post"/>; a pending schedule's time fills an empty publish date.
    public async Task<PostForm> FormOfAsync(ContentItem post, DateTime? scheduledUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var site = await settings.GetAsync(cancellationToken);
        var tags = post.Field<TaxonomyField>(BlogContentDefinitions.BlogPost, "Tags");
        var tagNames = tags?.TagNames is { Count: > 0 } names ? names : await NamesAsync(tags?.TermContentItemIds, cancellationToken);
        var path = post.As<AutoroutePart>("AutoroutePart")?.Path ?? "";
        var when = PublishLaterPart.ScheduleOf(post) ?? post.PublishedUtc ?? scheduledUtc;
        return new PostForm
        {
            Title = post.Content["TitlePart"]?["Title"]?.GetValue<string>() ?? post.DisplayText,
            Slug = path.StartsWith(PathPrefix, StringComparison.Ordinal) ? path[PathPrefix.Length..] : path,
            Subtitle = post.Field<TextField>(BlogContentDefinitions.BlogPost, "Subtitle")?.Text,
            Markdown = post.As<MarkdownBodyPart>("MarkdownBodyPart")?.Markdown,
            CategoryId = post.Field<TaxonomyField>(BlogContentDefinitions.BlogPost, "Category")?.TermContentItemIds is [var category, ..] ? category : null,
            Tags = string.Join(", ", tagNames),
            ImagePath = post.Field<MediaField>(BlogContentDefinitions.BlogPost, "Image")?.Paths is [var image, ..] ? image : null,
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
        var content = existing is null ? new JsonObject() : (JsonObject)existing.Content.DeepClone();
        var title = form.Title.Trim();
        content["TitlePart"] = new JsonObject { ["Title"] = title };
        content["AutoroutePart"] = new JsonObject { ["Path"] = PathPrefix + SlugOf(form) };
        content["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = form.Markdown ?? "" };
        if (content["ContainedPart"] is null && await BlogIdAsync(cancellationToken) is { } blogId)
        {
            content["ContainedPart"] = new JsonObject { ["ListContentItemId"] = blogId, ["Order"] = 0 };
        }

        var tagNames = form.TagNames();
        var tagIds = createTags
            ? await taxonomies.EnsureTermsAsync(tags, tagNames, cancellationToken)
            : await ExistingIdsAsync(tags, tagNames, cancellationToken);
        var part = content[BlogContentDefinitions.BlogPost] as JsonObject ?? [];
        content[BlogContentDefinitions.BlogPost] = part;
        part["Subtitle"] = new JsonObject { ["Text"] = form.Subtitle?.Trim() ?? "" };
        part["Image"] = new JsonObject
        {
            ["Paths"] = form.ImagePath is { Length: > 0 } image ? new JsonArray(image) : [],
            ["MediaTexts"] = form.ImagePath is { Length: > 0 } ? new JsonArray("") : [],
        };
        part["Category"] = new JsonObject
        {
            ["TaxonomyContentItemId"] = categories,
            ["TermContentItemIds"] = form.CategoryId is { Length: > 0 } category ? new JsonArray(category) : [],
        };
        part["Tags"] = new JsonObject
        {
            ["TaxonomyContentItemId"] = tags,
            ["TermContentItemIds"] = new JsonArray([.. tagIds.Select(id => (JsonNode)id)]),
            ["TagNames"] = new JsonArray([.. tagNames.Select(n => (JsonNode)n)]),
        };
        PublishLaterPart.Set(content, null);

        var site = await settings.GetAsync(cancellationToken);
        return new ContentItem
        {
            ContentItemId = contentItemId,
            ContentType = BlogContentDefinitions.BlogPost,
            DisplayText = title,
            Owner = existing?.Owner ?? ownerId,
            PublishedUtc = form.PublishDate is { } local ? site.ToUtc(local) : existing?.PublishedUtc,
            Content = content,
        };
    }

    public static string SlugOf(PostForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SlugGenerator.Slugify(string.IsNullOrWhiteSpace(form.Slug) ? form.Title : form.Slug);
    }

    private async Task<string?> BlogIdAsync(CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking().Where(x => x.ContentType == BlogContentDefinitions.Blog && x.Latest)
            .OrderBy(x => x.Id).Select(x => x.ContentItemId).FirstOrDefaultAsync(cancellationToken);

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
