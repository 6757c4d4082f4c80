using BlogSite.Blog.Authors;
using BlogSite.Blog.Navigation;
using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Cms.Content.Queries;

namespace BlogSite.Blog.Display;

/// Autoroute's display side: finds the published item behind a path and builds what the theme shows for it.
/// Returns null for anything a reader must not see, which the page answers with a 404.
public sealed class ContentDisplayBuilder(
    RouteResolver routes,
    ContentStore content,
    BlogPostQueries posts,
    BlogPostPresenter presenter,
    PostSummaries summaries,
    PostNeighbourhood neighbourhood,
    TermCatalog terms,
    SiteSettingsStore settings,
    AuthorDirectory authors,
    SiteNavigation navigation,
    PageCacheEntry cache)
{
    public async Task<ContentDisplay?> BuildAsync(string? path, int page, CancellationToken cancellationToken)
    {
        var match = await routes.ResolveAsync(path, cancellationToken);
        if (match?.RedirectTo is { } moved)
        {
            return ContentDisplay.Redirect(moved);
        }

        if (match is null || page < 1)
        {
            return null;
        }

        if (match.ContainedContentItemId is { } termId)
        {
            // A term's page needs only the term: its published route and the term index both come from the published
            // taxonomy, so reading (and parsing) the whole taxonomy, every term of it, on each request would add nothing.
            var basePath = BlogPostPresenter.Url(path);
            return await TermAsync(termId, basePath, page, cancellationToken) is { } list
                ? list with { CanonicalPath = page > 1 ? $"{basePath}?page={page}" : basePath }
                : null;
        }

        if (await content.GetPublishedAsync(match.ContentItemId, cancellationToken) is not { } item)
        {
            return null;
        }

        // The home item is canonical at "/", not at its own path.
        var isHome = match.ContentItemId == (await settings.GetAsync(cancellationToken)).HomeContentItemId;
        var canonical = isHome ? "/" : BlogPostPresenter.Url(path);
        var display = item.ContentType switch
        {
            BlogContentDefinitions.BlogPost when page == 1 => await PostAsync(item, cancellationToken),
            BlogContentDefinitions.Blog => await BlogAsync(item, canonical, page, cancellationToken),
            BlogContentDefinitions.BlogPost => null,
            Taxonomy.ContentType when page == 1 => await TaxonomyAsync(item, cancellationToken),
            _ when page == 1 => await presenter.PageAsync(item, cancellationToken),
            _ => null,
        };
        return display is null ? null : display with
        {
            CanonicalPath = page > 1 ? $"{canonical}?page={page}" : canonical,
            Owner = item.Owner,
        };
    }

    /// Any version of an item, drawn as readers would see it once published: for the editor's preview.
    public async Task<ContentDisplay> PreviewAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ContentType == BlogContentDefinitions.BlogPost ? await PostAsync(item, cancellationToken) : await presenter.PageAsync(item, cancellationToken);
    }

    /// An archive month: /archive/{year}/{month}.
    public async Task<ContentDisplay?> ArchiveAsync(int year, int month, int page, CancellationToken cancellationToken)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || page < 1)
        {
            return null;
        }

        var site = await settings.GetAsync(cancellationToken);
        var result = await posts.InMonthAsync(year, month, site, page, site.PageSize, cancellationToken);
        if (result.Total == 0)
        {
            return null;
        }

        var label = ArchiveLink.MonthName(year, month);
        var basePath = ArchiveLink.PathOf(year, month);
        var display = await ListAsync(result, label, "Archive", [], basePath, $"Archive: {label}", cancellationToken);
        return display is null ? null : display with { CanonicalPath = page > 1 ? $"{basePath}?page={page}" : basePath };
    }

    /// /archive: every month with posts, by year, newest first. A blog without posts has none.
    public async Task<ContentDisplay?> ArchiveIndexAsync(CancellationToken cancellationToken)
    {
        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        var months = await posts.ArchiveMonthsAsync(await settings.GetAsync(cancellationToken), cancellationToken);
        if (months.Count == 0)
        {
            return null;
        }

        var years = months
            .GroupBy(m => m.Year)
            .Select(year => new ArchiveYear(
                year.Key,
                year.Sum(m => m.Count),
                [.. year.Select(m => ArchiveLink.Of(m.Year, m.Month, m.Count))]))
            .ToList();
        return new ContentDisplay("Archives", "Every month of posts, newest first.", new ArchiveIndexView(years))
        {
            CanonicalPath = SiteNavigation.AllMonthsUrl,
        };
    }

    /// /authors/{slug}: the posts credited to a person, with their bio. Someone with no published post has no page.
    public async Task<ContentDisplay?> AuthorAsync(string? slug, int page, CancellationToken cancellationToken)
    {
        if (page < 1 || await authors.BySlugAsync(slug) is not { } author)
        {
            return null;
        }

        cache.ShowsUser(author.UserId);
        var site = await settings.GetAsync(cancellationToken);
        var result = await posts.ByOwnerAsync(author.UserId, page, site.PageSize, cancellationToken);
        if (result.Total == 0)
        {
            return null;
        }

        var display = await ListAsync(result, author.Name, "Author", [], author.Url, $"Posts by {author.Name}", cancellationToken);
        return display is null ? null : display with
        {
            CanonicalPath = page > 1 ? $"{author.Url}?page={page}" : author.Url,
            Description = author.Bio is { Length: > 0 } bio ? bio : $"Posts by {author.Name}.",
            Model = ((PostListView)display.Model!) with { FeedUrl = author.FeedUrl, Bio = author.Bio, PictureUrl = author.PictureUrl },
            Feed = new FeedLink($"Posts by {author.Name}", author.FeedUrl),
        };
    }

    private async Task<ContentDisplay> PostAsync(ContentItem post, CancellationToken cancellationToken)
    {
        var view = await presenter.PostAsync(post, cancellationToken);
        var around = await neighbourhood.OfAsync(post, cancellationToken);
        // Which posts are its neighbours and related ones depends on every post's date and terms.
        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        var shown = await summaries.ByIdAsync([.. around.Related, .. new[] { around.Newer, around.Older }.OfType<long>()], cancellationToken);
        view = view with
        {
            Newer = LinkTo(around.Newer, shown),
            Older = LinkTo(around.Older, shown),
            Related = [.. around.Related.Where(shown.ContainsKey).Select(id => shown[id])],
        };
        var seo = post.As<SeoMetaPart>();
        var description = seo?.MetaDescription is { Length: > 0 } own ? own
            : post.As<BlogPost>()?.OwnExcerpt ?? (view.Subtitle is { Length: > 0 } subtitle ? subtitle : presenter.Excerpt(post));
        return new ContentDisplay(view.Title, description, view)
        {
            PageTitle = seo?.PageTitle is { Length: > 0 } pageTitle ? pageTitle : null,
            CanonicalUrl = seo?.CanonicalAddress?.AbsoluteUri,
        };
    }

    private async Task<ContentDisplay> TaxonomyAsync(ContentItem taxonomy, CancellationToken cancellationToken)
    {
        var display = await presenter.PageAsync(taxonomy, cancellationToken);
        // How many posts each term has changes with every post filed under it.
        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        return display with { Model = ((PageView)display.Model!) with { Terms = await navigation.TermsAsync(taxonomy.ContentItemId) } };
    }

    private static PostLink? LinkTo(long? documentId, IReadOnlyDictionary<long, PostSummary> shown) =>
        documentId is { } id && shown.TryGetValue(id, out var summary) ? new PostLink(summary.Title, summary.Url) : null;

    private async Task<ContentDisplay?> BlogAsync(ContentItem blog, string basePath, int page, CancellationToken cancellationToken)
    {
        var pageSize = (await settings.GetAsync(cancellationToken)).PageSize;
        cache.ShowsItem(blog.ContentItemId);
        var result = await posts.InListAsync(blog.ContentItemId, page, pageSize, cancellationToken);
        var title = BlogPostPresenter.Title(blog);
        var display = await ListAsync(result, title, null, [], basePath, page == 1 ? title : $"{title} (page {page})", cancellationToken);
        return display is null ? null : display with
        {
            Model = ((PostListView)display.Model!) with { Introduction = presenter.Introduction(blog) },
        };
    }

    private async Task<ContentDisplay?> TermAsync(string termId, string basePath, int page, CancellationToken cancellationToken)
    {
        var ancestry = await terms.AncestryAsync(termId, cancellationToken);
        if (ancestry.Count == 0)
        {
            return null;
        }

        var term = ancestry[^1];
        var pageSize = (await settings.GetAsync(cancellationToken)).PageSize;
        var result = await posts.WithAnyTermAsync(await terms.SelfAndDescendantsAsync(termId, cancellationToken), page, pageSize, cancellationToken);
        var breadcrumb = ancestry.Select(t => new TermLink(t.DisplayText, BlogPostPresenter.Url(t.Path))).Prepend(new TermLink("Home", "/")).ToList();
        var kind = term.ContentType == BlogContentDefinitions.Tag ? "Tag" : term.ContentType;
        var display = await ListAsync(result, term.DisplayText, kind, breadcrumb, basePath, $"{kind}: {term.DisplayText}", cancellationToken);
        var feed = new FeedLink($"{kind}: {term.DisplayText}", $"{basePath}/rss");
        return display is null ? null : display with
        {
            Model = ((PostListView)display.Model!) with { FeedUrl = feed.Url },
            Feed = feed,
            Description = $"Posts about {term.DisplayText}.",
        };
    }

    private async Task<ContentDisplay?> ListAsync(
        PagedItems<long> result, string heading, string? kind, IReadOnlyList<TermLink> breadcrumb, string basePath, string title,
        CancellationToken cancellationToken)
    {
        if (result.Page > 1 && result.Page > result.TotalPages)
        {
            return null;
        }

        cache.ShowsListsOf(BlogContentDefinitions.BlogPost);
        var view = new PostListView(
            heading, kind, breadcrumb, await summaries.OfAsync(result.Items, cancellationToken), new PagerView(result.Page, result.TotalPages, basePath));
        return new ContentDisplay(title, null, view);
    }
}
