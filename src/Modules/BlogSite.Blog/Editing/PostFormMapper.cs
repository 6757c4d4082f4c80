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
    BlogPostQueries posts, TermCatalog terms, TaxonomyEditor taxonomies, BlogTaxonomyLocator locator, SiteSettingsStore settings, AutoroutePaths paths)
{
    /// The form for <paramref name="post"/>; a pending schedule's time fills an empty publish date.
    public async Task<PostForm> FormOfAsync(ContentItem post, DateTime? scheduledUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var site = await settings.GetAsync(cancellationToken);
        var fields = post.As<BlogPost>();
        var tagNames = fields?.Tags?.TagNames is { Count: > 0 } names ? names : await NamesAsync(fields?.Tags?.TermContentItemIds, cancellationToken);
        var when = PublishLaterPart.ScheduleOf(post) ?? post.PublishedUtc ?? scheduledUtc;
        return new PostForm
        {
            Title = post.As<TitlePart>()?.Title ?? post.DisplayText,
            Slug = AutoroutePaths.Split(post.As<AutoroutePart>()?.Path ?? "").Last,
            Subtitle = fields?.Subtitle?.Text,
            Markdown = post.As<MarkdownBodyPart>()?.Markdown,
            CategoryId = fields?.CategoryId,
            Tags = string.Join(", ", tagNames),
            ImagePath = fields?.FirstImage,
            ImageAlt = fields?.ImageAlt,
            ImageCaption = fields?.ImageCaption?.Text,
            Excerpt = fields?.Excerpt?.Text,
            SeoTitle = post.As<SeoMetaPart>()?.PageTitle,
            MetaDescription = post.As<SeoMetaPart>()?.MetaDescription,
            CanonicalUrl = post.As<SeoMetaPart>()?.Canonical,
            PublishDate = when is { } utc ? site.ToSiteTime(utc) : null,
            ConcurrencyStamp = post.ConcurrencyStamp,
            OwnerId = post.Owner,
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
        var title = (form.Title ?? "").Trim();
        var site = await settings.GetAsync(cancellationToken);
        var post = new ContentItem
        {
            ContentItemId = contentItemId,
            ContentType = BlogContentDefinitions.BlogPost,
            DisplayText = title.Length > 0 ? title : PostForm.UntitledName,
            Owner = form.OwnerId is { Length: > 0 } credited ? credited : existing?.Owner ?? ownerId,
            PublishedUtc = form.PublishDate is { } local ? SameMinuteKept(site.ToUtc(local), existing?.PublishedUtc) : existing?.PublishedUtc,
            Content = existing is null ? [] : (JsonObject)existing.Content.DeepClone(),
        };
        post.Apply(new TitlePart(title))
            // A browser posts a textarea with CRLF line ends; stored Markdown keeps LF, as the recipes and the editor have it.
            .Apply(new MarkdownBodyPart((form.Markdown ?? "").ReplaceLineEndings("\n")));
        await PlaceInBlogAsync(post, cancellationToken);
        var path = await PathOfAsync(form, existing, cancellationToken);
        post.Alter<AutoroutePart>(part => (part ?? new AutoroutePart(null)) with { Path = path });

        var tagNames = form.TagNames();
        var tagIds = createTags
            ? await taxonomies.EnsureTermsAsync(tags, tagNames, cancellationToken)
            : await ExistingIdsAsync(tags, tagNames, cancellationToken);
        var image = form.ImagePath is { Length: > 0 } chosen ? chosen : null;
        return post
            .Apply(new BlogPost(
                Subtitle: new TextField(form.Subtitle?.Trim() ?? ""),
                Image: new MediaField(image is null ? [] : [image], image is null ? [] : [form.ImageAlt?.Trim() ?? ""]),
                Category: new TaxonomyField(categories, form.CategoryId is { Length: > 0 } category ? [category] : []),
                Tags: new TaxonomyField(tags, tagIds, tagNames),
                Excerpt: new TextField((form.Excerpt?.Trim() ?? "").ReplaceLineEndings("\n")),
                ImageCaption: new TextField(form.ImageCaption?.Trim() ?? "")))
            .Apply(new SeoMetaPart(form.SeoTitle?.Trim() ?? "", form.MetaDescription?.Trim() ?? "", form.CanonicalUrl?.Trim() ?? ""));
    }

    /// Where the form puts the post. A path the form leaves as it was is kept, whatever made it (an import, an
    /// older pattern), and so is one the form gives no slug for (an emptied title); a new slug replaces the last
    /// segment; a new post gets its type's pattern.
    public async Task<string> PathOfAsync(PostForm form, ContentItem? existing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (existing?.As<AutoroutePart>()?.Path is { Length: > 0 } stored)
        {
            var (parent, last) = AutoroutePaths.Split(stored);
            return form.Slug?.Trim() == last || SlugOf(form).Length == 0 ? stored.Trim('/') : AutoroutePaths.Join(parent, SlugOf(form));
        }

        if (form.IsUntitled)
        {
            return "";
        }

        var draft = new ContentItem { ContentType = BlogContentDefinitions.BlogPost, DisplayText = (form.Title ?? "").Trim() };
        await PlaceInBlogAsync(draft, cancellationToken);
        var generated = await paths.GenerateAsync(draft, cancellationToken) ?? SlugOf(form);
        return string.IsNullOrWhiteSpace(form.Slug) ? generated : AutoroutePaths.Join(AutoroutePaths.Split(generated).Parent, SlugOf(form));
    }

    /// The part of a post's path before its slug, as the editor shows it: the stored one, or the pattern's.
    public async Task<string> PathParentAsync(ContentItem? existing, CancellationToken cancellationToken = default) =>
        AutoroutePaths.Split(existing?.As<AutoroutePart>()?.Path is { Length: > 0 } stored
            ? stored
            : await PathOfAsync(new PostForm { Title = "x" }, null, cancellationToken)).Parent;

    public static string SlugOf(PostForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SlugGenerator.Slugify(string.IsNullOrWhiteSpace(form.Slug) ? form.Title : form.Slug);
    }

    private async Task PlaceInBlogAsync(ContentItem post, CancellationToken cancellationToken)
    {
        if (!post.Has<ContainedPart>() && await posts.BlogIdAsync(cancellationToken) is { } blogId)
        {
            post.Apply(new ContainedPart(blogId));
        }
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

    // The form shows the date to the minute: a date left as it was keeps its seconds, so saving does not move the post
    // among others published in the same minute.
    private static DateTime SameMinuteKept(DateTime posted, DateTime? stored) =>
        stored is { } kept && kept.Ticks / TimeSpan.TicksPerMinute == posted.Ticks / TimeSpan.TicksPerMinute ? kept : posted;
}
