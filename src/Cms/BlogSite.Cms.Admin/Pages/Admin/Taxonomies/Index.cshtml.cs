using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// /admin/taxonomies: every taxonomy with its number of terms.
[Authorize(Policy = AdminPermissions.ManageTaxonomy)]
public sealed class TaxonomiesModel(TaxonomyQueries queries) : PageModel
{
    public IReadOnlyList<TaxonomySummary> Taxonomies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Taxonomies = await queries.ListAsync(cancellationToken);
}
