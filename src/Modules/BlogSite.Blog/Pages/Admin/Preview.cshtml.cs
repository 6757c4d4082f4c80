using BlogSite.Blog.Display;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Blog.Pages.Admin;

/// /admin/preview/{id}[?version=…]: the latest (or a chosen) version drawn in the theme, for signed-in users with
/// PreviewContent (or PreviewOwnContent on their own items). Never indexed, never cached.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PreviewModel(
    ContentStore store, ContentDrafts drafts, ContentDisplayBuilder builder, LayoutDataFactory layouts, ContentPermissionCheck permissions, SiteSettingsStore settings,
    ContentEditors editors)
    : PageModel, IHasLayoutData
{
    public ContentDisplay Display { get; private set; } = null!;

    public LayoutData Layout { get; private set; } = new("", null, "", null);

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? version, CancellationToken cancellationToken)
    {
        var item = version is null
            ? await store.GetLatestAsync(id, cancellationToken)
            : (await drafts.HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.ContentItemVersionId == version);
        if (item is null)
        {
            return NotFound();
        }

        if (!await permissions.CanAsync(User, AdminPermissions.PreviewContent, AdminPermissions.PreviewOwnContent, item))
        {
            return Forbid();
        }

        Display = await builder.PreviewAsync(item, cancellationToken);
        var layout = await layouts.CreateAsync(Request, Display, cancellationToken);
        var site = await settings.GetAsync(cancellationToken);
        var when = item.ModifiedUtc is { } modified ? site.ShowTime(modified, nameZone: true) : "";
        Layout = layout with
        {
            NoIndex = true,
            CanonicalUrl = null,
            NoticeLink = editors.EditUrl(item.ContentType, item.ContentItemId) is { } editUrl ? new PostLink("Back to the editor", editUrl) : null,
            Notice = item switch
            {
                { Published: true } => $"Preview of the published version, saved {when} by {item.Author}.",
                { WentLiveUtc: { } wentLive } =>
                    $"Preview of a version that was live from {site.ShowTime(wentLive, nameZone: true)}, saved {when} by {item.Author}. Readers now see a later version.",
                _ => $"Preview of an unpublished version saved {when} by {item.Author}. Readers do not see unpublished changes.",
            },
        };
        return Page();
    }
}
