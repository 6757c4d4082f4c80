using BlogSite.Blog.Display;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Navigation;

/// What the reader's map of the blog shows: categories with their children, tags and months, each with its post count,
/// built once per change to lists (<see cref="ListFacts"/>).
public sealed class SiteNavigation(
    TermCatalog terms, BlogPostQueries posts, BlogTaxonomyLocator taxonomies, SiteSettingsStore settings, ListFacts facts)
{
    public Task<SiteNavigationView> GetAsync() => facts.GetAsync("site-navigation", () => BuildAsync(CancellationToken.None));

    private async Task<SiteNavigationView> BuildAsync(CancellationToken cancellationToken)
    {
        var (categoriesId, tagsId) = await taxonomies.GetAsync(cancellationToken);
        var counts = await posts.TermCountsAsync(cancellationToken);

        var categoryTree = await terms.TreeAsync(categoriesId, cancellationToken);
        var categories = new List<NavTerm>();
        foreach (var term in categoryTree)
        {
            var family = await terms.SelfAndDescendantsAsync(term.TermContentItemId, cancellationToken);
            var count = family.Sum(id => counts.GetValueOrDefault(id));
            if (count > 0)
            {
                categories.Add(new NavTerm(term.DisplayText, BlogPostPresenter.Url(term.Path), count, term.Level));
            }
        }

        var tags = (await terms.TreeAsync(tagsId, cancellationToken))
            .Where(t => counts.GetValueOrDefault(t.TermContentItemId) > 0)
            .Select(t => new NavTerm(t.DisplayText, BlogPostPresenter.Url(t.Path), counts[t.TermContentItemId], t.Level))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var archives = (await posts.ArchiveMonthsAsync(await settings.GetAsync(cancellationToken), cancellationToken))
            .Select(m => new ArchiveLink(
                ArchiveLink.MonthName(m.Year, m.Month),
                ArchiveLink.PathOf(m.Year, m.Month),
                m.Count))
            .ToList();

        return new SiteNavigationView(categories, tags, archives);
    }
}
