using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Content;

/// How the admin names an item's state from its latest version, whether a published version exists and when a
/// scheduled version goes live.
public static class ContentStatus
{
    /// <paramref name="site"/> gives the zone a scheduled time is shown in.
    public static string Of(ContentItem latest, bool hasPublishedVersion, DateTime? scheduledUtc, SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(site);
        return latest.Published ? "Published"
            : scheduledUtc is { } when ? $"Scheduled for {site.ShowTime(when, nameZone: true)}"
            : hasPublishedVersion ? "Has unpublished changes"
            : "Draft";
    }

    /// When each of <paramref name="contentItemIds"/> that has a scheduled version goes live.
    public static async Task<Dictionary<string, DateTime>> SchedulesAsync(CmsDbContext db, IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.ContentItems.AsNoTracking()
                .Where(x => contentItemIds.Contains(x.ContentItemId) && !x.Published && x.ScheduledPublishUtc != null)
                .Select(x => new { x.ContentItemId, x.ScheduledPublishUtc })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.ContentItemId)
            .ToDictionary(g => g.Key, g => g.Min(x => x.ScheduledPublishUtc!.Value));
    }

    /// A CSS class for the state's badge.
    public static string BadgeOf(string status) => (status ?? "").Split(' ')[0].ToLowerInvariant();
}
