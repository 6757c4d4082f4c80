using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Menus;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Menus;

/// /admin/menus: every menu with its alias and number of items.
[Authorize(Policy = AdminPermissions.ManageMenu)]
public sealed class MenusModel(CmsDbContext db) : PageModel
{
    public IReadOnlyList<ContentItem> Menus { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Menus = await db.ContentItems.AsNoTracking()
            .Where(x => x.Latest && x.ContentType == MenuDefinitions.Menu)
            .OrderBy(x => x.DisplayText)
            .ToListAsync(cancellationToken);
}
