using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Admin.Versions;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Items;

/// /admin/items/{id}/versions, for items of every type: who saved what when, what each version changed, which
/// versions readers saw; any two versions compared side by side (?from=…&amp;to=…); any version restored as the new
/// draft, which then opens in the item's editor.
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class VersionsModel(
    ContentDrafts drafts, ContentPermissionCheck permissions, SiteSettingsStore settings, ContentEditors editors, IEnumerable<ContentPreviewPage> previews)
    : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    /// Said on this page only, unlike <see cref="Message"/>, which a redirect carries.
    public string? CompareProblem { get; private set; }

    public ContentItem Latest => Versions.First(v => v.Latest);

    /// The two versions compared, older first, with the fields that differ; null when none were chosen.
    public (ContentItem Older, ContentItem Newer, IReadOnlyList<FieldDiff> Fields)? Comparison { get; private set; }

    /// Where a version is viewed in the site's theme, when a module offers that.
    public string? PreviewPage => previews.FirstOrDefault()?.PageName;

    /// The item's editor, where "Back" and a restore lead.
    public string EditUrl => editors.EditUrl(Latest.ContentType, Latest.ContentItemId) ?? Url.Page("/Admin/Content/Index")!;

    private SiteSettings site = new([]);

    /// When a version was saved, in the site's time zone, to tell its buttons apart.
    public string SavedAt(ContentItem version, bool nameZone = false) =>
        version?.ModifiedUtc is { } utc ? site.ShowTime(utc, "yyyy-MM-dd HH:mm:ss", nameZone) : "";

    /// The version saved just before <paramref name="version"/>, which its "changes" are measured against.
    public ContentItem? Before(ContentItem version) =>
        Versions.SkipWhile(v => v != version).Skip(1).FirstOrDefault();

    /// What a version is, in words: live or once live, scheduled, the current draft, an autosave, a restore, waiting
    /// for review.
    public IEnumerable<string> Labels(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Published)
        {
            yield return "Live";
        }
        else if (version.WentLiveUtc is { } wentLive)
        {
            yield return $"Was live from {site.ShowTime(wentLive, "d MMM yyyy HH:mm")}";
        }

        if (version.ScheduledPublishUtc is { } scheduled)
        {
            yield return $"Scheduled for {site.ShowTime(scheduled, "d MMM yyyy HH:mm")}";
        }

        if (version.Latest && !version.Published)
        {
            yield return "Current draft";
        }

        if (version.Autosaved)
        {
            yield return "Autosave";
        }

        if (version.RestoredFromVersionId is { } restoredFrom)
        {
            yield return Versions.FirstOrDefault(v => v.ContentItemVersionId == restoredFrom) is { } source
                ? $"Restored from {SavedAt(source)}"
                : "Restored";
        }

        if (version.Latest && version.ReviewRequestedUtc is not null)
        {
            yield return "Submitted for review";
        }
    }

    /// What a version changed since the one before it, field by field ("Markdown body: +12 −3 words").
    public IReadOnlyList<string> Changes(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Before(version) is not { } before)
        {
            return ["First version"];
        }

        var fields = VersionComparer.Compare(before, version);
        return fields.Count == 0
            ? ["No changes to the content"]
            : [.. fields.Select(f => f.WordsAdded + f.WordsRemoved > 0 ? $"{f.Name}: +{f.WordsAdded} −{f.WordsRemoved} words" : f.Name)];
    }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? from, [FromQuery] string? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (from is not null && to is not null)
        {
            var chosen = Versions.Where(v => v.ContentItemVersionId == from || v.ContentItemVersionId == to).OrderBy(v => v.Id).ToList();
            if (chosen.Count != 2)
            {
                CompareProblem = "Choose two different versions to compare.";
            }
            else
            {
                Comparison = (chosen[0], chosen[1], VersionComparer.Compare(chosen[0], chosen[1]));
            }
        }

        return Page();
    }

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
