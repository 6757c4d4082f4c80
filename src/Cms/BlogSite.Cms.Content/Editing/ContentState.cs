using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Editing;

/// Where an item stands for editors, judged from its latest version: the one place its wording and badge come from.
public sealed record ContentState(ContentStateKind Kind, DateTime? ScheduledUtc = null)
{
    public static ContentState New { get; } = new(ContentStateKind.New);

    /// <paramref name="latest"/> is the item's latest version; a scheduled version outranks every other state.
    public static ContentState Of(ContentItem? latest, bool hasPublishedVersion, DateTime? scheduledUtc) =>
        latest is null ? New
        : scheduledUtc is { } when ? new(ContentStateKind.Scheduled, when)
        : latest is { Published: false, ReviewRequestedUtc: not null } ? new(ContentStateKind.Pending)
        : latest.Published ? new(ContentStateKind.Published)
        : hasPublishedVersion ? new(ContentStateKind.Changed)
        : new(ContentStateKind.Draft);

    public string Name => Kind switch
    {
        ContentStateKind.Scheduled => "Scheduled",
        ContentStateKind.Published => "Published",
        ContentStateKind.Changed => "Published, with unpublished changes",
        ContentStateKind.Draft => "Draft",
        ContentStateKind.Pending => "Pending review",
        _ => "New, not saved yet",
    };

    /// The name, with a scheduled time in the site's zone, named.
    public string Label(SiteSettings site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return ScheduledUtc is { } when ? $"{Name} for {site.ShowTime(when, nameZone: true)}" : Name;
    }

    /// The badge's CSS class.
    public string CssClass => Kind.ToString().ToLowerInvariant();
}
