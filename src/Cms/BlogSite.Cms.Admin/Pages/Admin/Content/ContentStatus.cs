using System.Globalization;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Admin.Pages.Admin.Content;

/// How the admin names an item's state from its latest version and whether a published version exists.
public static class ContentStatus
{
    public static string Of(ContentItem latest, bool hasPublishedVersion)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return latest.Published ? "Published"
            : latest.ScheduledPublishUtc is { } when ? $"Scheduled for {when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
            : hasPublishedVersion ? "Has unpublished changes"
            : "Draft";
    }

    /// A CSS class for the state's badge.
    public static string BadgeOf(string status) => (status ?? "").Split(' ')[0].ToLowerInvariant();
}
