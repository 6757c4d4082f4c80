using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Items;

/// /admin/items/{id}/versions, for items of every type: who saved what when; any version can be restored as the new
/// draft, which then opens in the item's editor.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class VersionsModel(
    ContentDrafts drafts, ContentPermissionCheck permissions, SiteSettingsStore settings, ContentEditors editors, IEnumerable<ContentPreviewPage> previews)
    : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    public ContentItem Latest => Versions.First(v => v.Latest);

    /// Where a version is viewed in the site's theme, when a module offers that.
    public string? PreviewPage => previews.FirstOrDefault()?.PageName;

    /// The item's editor, where "Back" and a restore lead.
    public string EditUrl => editors.EditUrl(Latest.ContentType, Latest.ContentItemId) ?? Url.Page("/Admin/Content/Index")!;

    private SiteSettings site = new([]);

    /// When a version was saved, in the site's time zone, to tell its buttons apart.
    public string SavedAt(ContentItem version, bool nameZone = false) =>
        version?.ModifiedUtc is { } utc ? site.ShowTime(utc, "yyyy-MM-dd HH:mm:ss", nameZone) : "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRestoreAsync(string id, string versionId, string? stamp, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var old = Versions.FirstOrDefault(v => v.ContentItemVersionId == versionId);
        if (old is null)
        {
            return NotFound();
        }

        try
        {
            await drafts.RestoreAsync(id, versionId, stamp, User.Identity?.Name ?? "", cancellationToken);
        }
        catch (ContentVersionConflictException e)
        {
            Message = $"Not restored: {e.Message} Look at the history again and choose the version to restore.";
            return RedirectToPage(new { id });
        }

        Message = $"Restored the version saved {SavedAt(old, nameZone: true)} as the new draft. Publish it to show it to readers.";
        return Redirect(EditUrl);
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Versions = await drafts.HistoryAsync(id, cancellationToken);
        site = await settings.GetAsync(cancellationToken);
        if (!Versions.Any(v => v.Latest))
        {
            return NotFound();
        }

        return await permissions.CanAsync(User, AdminPermissions.EditContent, AdminPermissions.EditOwnContent, Latest) ? null : Forbid();
    }
}
