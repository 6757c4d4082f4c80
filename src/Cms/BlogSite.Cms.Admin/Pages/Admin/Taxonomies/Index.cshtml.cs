using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// /admin/taxonomies: every taxonomy with its number of terms.
[Authorize(Policy = AdminPermissions.ManageTaxonomies)]
public sealed class TaxonomiesModel(CmsDbContext db) : PageModel
{
    public IReadOnlyList<(string Id, string Name, int Terms)> Taxonomies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var taxonomies = await db.ContentItems.AsNoTracking().Where(x => x.Latest && x.ContentType == "Taxonomy")
            .OrderBy(x => x.DisplayText).Select(x => new { x.ContentItemId, x.DisplayText, x.Id }).ToListAsync(cancellationToken);
        var ids = taxonomies.Select(t => t.Id).ToList();
        var counts = await db.Terms.Where(t => ids.Contains(t.DocumentId)).GroupBy(t => t.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Taxonomies = [.. taxonomies.Select(t => (t.ContentItemId, t.DisplayText, counts.GetValueOrDefault(t.Id)))];
    }
}
