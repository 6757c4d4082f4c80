using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BlogSite.Cms.Admin.Dashboard;

namespace BlogSite.Cms.Admin.Pages.Admin;

[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class DashboardModel(
    ContentListQueries queries, ContentEditors editors, IEnumerable<PublishedCountCard> cards, FeatureManager features, ContentPermissionCheck permissions) : PageModel
{
    private const int RecentCount = 8;

    public ContentEditors Editors => editors;

    public DashboardFigures Figures { get; private set; } = new([], []);

    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, ContentState> States { get; private set; } = new Dictionary<string, ContentState>();

    public IReadOnlyList<(string Name, string DisplayName)> CreatableTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var shown = new List<PublishedCountCard>();
        foreach (var card in cards)
        {
            if (card.Feature is null || await features.IsEnabledAsync(card.Feature, cancellationToken))
            {
                shown.Add(card);
            }
        }

        Figures = await queries.DashboardAsync(shown, RecentCount, await permissions.OnlyOwnItemsAsync(User), cancellationToken);
        TypeNames = await queries.TypeNamesAsync(cancellationToken);
        States = await queries.StatesAsync(Figures.Recent, cancellationToken);
        CreatableTypes = await queries.CreatableTypesAsync(cancellationToken);
    }

    /// The content list filtered as <paramref name="figure"/> counted.
    public string? ListUrl(DashboardFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Url.Page("/Admin/Content/Index", new { type = figure.Filter.Type, status = figure.Filter.Status });
    }
}
