using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Features;

/// /admin/features: every feature, on or off; enabling brings its dependencies along, disabling takes the features
/// that depend on it along. Changes take effect at once: a disabled feature's pages and endpoints answer 404.
[Authorize(Policy = AdminPermissions.ManageFeatures)]
public sealed class FeaturesModel(FeatureCatalog catalog, FeatureManager manager) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<FeatureDescriptor> Features { get; private set; } = [];

    public IReadOnlySet<string> Enabled { get; private set; } = new HashSet<string>();

    /// The features that go off with <paramref name="feature"/>, itself left out.
    public IEnumerable<string> DependentsOf(FeatureDescriptor feature) =>
        catalog.WithDependents([feature?.Id ?? ""]).Where(f => f.Id != feature!.Id && Enabled.Contains(f.Id)).Select(f => f.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Features = [.. catalog.All.Where(f => !f.IsTheme).OrderBy(f => f.Name, StringComparer.CurrentCulture)];
        Enabled = (await manager.GetEnabledAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } feature)
        {
            return NotFound();
        }

        var before = (await manager.GetEnabledAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await manager.EnableAsync([id], cancellationToken);
        var added = (await manager.GetEnabledAsync(cancellationToken)).Where(f => !before.Contains(f)).ToList();
        Message = added.Count <= 1 ? $"Enabled “{feature.Name}”." : $"Enabled “{feature.Name}” and what it needs: {string.Join(", ", added.Where(a => a != feature.Id))}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } feature)
        {
            return NotFound();
        }

        if (feature.AlwaysEnabled)
        {
            Message = $"“{feature.Name}” is part of every site and stays on.";
            return RedirectToPage();
        }

        var off = await manager.DisableAsync([id], cancellationToken);
        Message = off.Count <= 1 ? $"Disabled “{feature.Name}”. Its content stays and returns when it is enabled again."
            : $"Disabled “{feature.Name}” and what depends on it: {string.Join(", ", off.Where(o => o != feature.Id))}. Their content stays.";
        return RedirectToPage();
    }
}
