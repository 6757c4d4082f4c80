using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Display;

/// Autoroute's display side: finds the published item behind a path and builds what the theme shows for it.
/// Returns null for anything a reader must not see, which the page answers with a 404.
public sealed class ContentDisplayBuilder(
    RouteResolver routes,
    ContentStore content,
    BlogPostQueries posts,
    BlogPostPresenter presenter,
    TermCatalog terms,
    SiteSettingsStore settings)
{
    public async Task<ContentDisplay?> BuildAsync(string? path, int page, CancellationToken cancellationToken)
    {
        var match = await routes.ResolveAsync(path, cancellationToken);
        if (match is null || page < 1 || await content.GetPublishedAsync(match.ContentItemId, cancellationToken) is not { } item)
        {
            return null;
        }

        var basePath = BlogPostPresenter.Url(path);
        if (match.ContainedContentItemId is { } termId)
        {
            return await TermAsync(termId, basePath, page, cancellationToken);
        }

        return item.ContentType switch
        {
            BlogContentDefinitions.BlogPost when page == 1 => await PostAsync(item, cancellationToken),
            BlogContentDefinitions.Blog => await BlogAsync(item, basePath, page, cancellationToken),
            BlogContentDefinitions.BlogPost => null,
            _ when page == 1 => presenter.Page(item),
            _ => null,
        };
    }

    private async Task<ContentDisplay> PostAsync(ContentItem post, CancellationToken cancellationToken)
    {
        var view = await presenter.PostAsync(post, cancellationToken);
        return new ContentDisplay(view.Title, view.Subtitle ?? presenter.Excerpt(post), view);
    }

    private async Task<ContentDisplay?> BlogAsync(ContentItem blog, string basePath, int page, CancellationToken cancellationToken)
    {
        var pageSize = (await settings.GetAsync(cancellationToken)).PageSize;
        var result = await posts.InListAsync(blog.ContentItemId, page, pageSize, cancellationToken);
        var title = BlogPostPresenter.Title(blog);
        return await ListAsync(result, title, null, [], basePath, page == 1 ? title : $"{title} (page {page})", cancellationToken);
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
        var breadcrumb = ancestry.Select(t => new TermLink(t.DisplayText, BlogPostPresenter.Url(t.Path))).ToList();
        var kind = term.ContentType == BlogContentDefinitions.Tag ? "Tag" : term.ContentType;
        return await ListAsync(result, term.DisplayText, kind, breadcrumb, basePath, $"{kind}: {term.DisplayText}", cancellationToken);
    }

    private async Task<ContentDisplay?> ListAsync(
        PagedItems result, string heading, string? kind, IReadOnlyList<TermLink> breadcrumb, string basePath, string title,
        CancellationToken cancellationToken)
    {
        if (result.Page > 1 && result.Page > result.TotalPages)
        {
            return null;
        }

        var summaries = new List<PostSummary>();
        foreach (var post in result.Items)
        {
            summaries.Add(await presenter.SummaryAsync(post, cancellationToken));
        }

        var view = new PostListView(heading, kind, breadcrumb, summaries, new PagerView(result.Page, result.TotalPages, basePath));
        return new ContentDisplay(title, null, view);
    }
}
