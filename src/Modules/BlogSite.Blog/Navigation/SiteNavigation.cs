using BlogSite.Blog.Display;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Taxonomies;

namespace BlogSite.Blog.Navigation;

/// What the reader's map of the blog shows: categories with their children, the most used tags and the newest months,
/// each with its post count, built once per change to lists (<see cref="ListFacts"/>). The map is on every page, so it
/// names a bounded number of tags and months however big and old the blog grows; the Tags taxonomy's own page and
/// /archive list all of them.
public sealed class SiteNavigation(
    TermCatalog terms, BlogPostQueries posts, BlogTaxonomyLocator taxonomies, SiteSettingsStore settings, ListFacts facts)
{
    /// As many as a tag cloud can show and still be read; WordPress's shows 45.
    public const int TagsShown = 30;

    /// A year of months.
    public const int MonthsShown = 12;

    public const string AllMonthsUrl = "/archive";

    public Task<SiteNavigationView> GetAsync() => facts.GetAsync("site-navigation", () => BuildAsync(CancellationToken.None));

    /// Every term of a taxonomy that has published posts, counting a parent's children's posts too: in tree order, or by
    /// name when the taxonomy is flat, as tags are.
    public Task<IReadOnlyList<NavTerm>> TermsAsync(string taxonomyContentItemId) =>
        facts.GetAsync($"taxonomy-terms:{taxonomyContentItemId}", () => CountTermsAsync(taxonomyContentItemId));

    private async Task<SiteNavigationView> BuildAsync(CancellationToken cancellationToken)
    {
        var (categoriesId, tagsId) = await taxonomies.GetAsync(cancellationToken);
        var tags = await TermsAsync(tagsId);
        var months = await posts.ArchiveMonthsAsync(await settings.GetAsync(cancellationToken), cancellationToken);

        var shownTags = tags
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(TagsShown)
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new SiteNavigationView(await TermsAsync(categoriesId), shownTags, [.. months.Take(MonthsShown).Select(m => ArchiveLink.Of(m.Year, m.Month, m.Count))])
        {
            AllTagsUrl = tags.Count > TagsShown ? await taxonomies.PageOfAsync(tagsId, cancellationToken) : null,
            AllMonthsUrl = months.Count > MonthsShown ? AllMonthsUrl : null,
        };
    }

    private async Task<IReadOnlyList<NavTerm>> CountTermsAsync(string taxonomyContentItemId)
    {
        var counts = await posts.TermCountsAsync(CancellationToken.None);
        var tree = await terms.TreeAsync(taxonomyContentItemId, CancellationToken.None);
        // Children grouped once from the tree itself: asking the catalog for each term's descendants scans every term per
        // term, which a taxonomy of thousands of tags makes millions of comparisons.
        var children = tree.ToLookup(t => t.ParentTermContentItemId ?? "", StringComparer.Ordinal);
        int FamilyCount(TermIndex term) => counts.GetValueOrDefault(term.TermContentItemId) + children[term.TermContentItemId].Sum(FamilyCount);
        var counted = tree
            .Select(term => new NavTerm(term.DisplayText, BlogPostPresenter.Url(term.Path), FamilyCount(term), term.Level))
            .Where(term => term.Count > 0)
            .ToList();
        return tree.Any(t => t.Level > 0) ? counted : [.. counted.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
