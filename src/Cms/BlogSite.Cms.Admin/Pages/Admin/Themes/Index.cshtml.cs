using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Themes;

/// /admin/themes: the installed themes; choosing one redraws the public site with it from the next page on (the
/// themes step of a recipe writes the same choice).
[Authorize(Policy = AdminPermissions.ApplyTheme)]
public sealed class ThemesModel(SiteThemes themes) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<FeatureDescriptor> Installed => themes.Installed;

    public string Current { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await themes.CurrentAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (Installed.FirstOrDefault(t => t.Id == id) is not { } theme)
        {
            return NotFound();
        }

        await themes.SelectAsync(theme.Id, null, cancellationToken);
        Message = $"The site now uses “{theme.Name}”.";
        return RedirectToPage();
    }
}
