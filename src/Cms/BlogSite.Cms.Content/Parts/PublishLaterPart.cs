using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's "publish later": the draft goes live at ScheduledPublishUtc.
public sealed record PublishLaterPart(DateTime? ScheduledPublishUtc)
{
    public static DateTime? ScheduleOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.As<PublishLaterPart>()?.ScheduledPublishUtc is { } when
            ? DateTime.SpecifyKind(when.Kind == DateTimeKind.Local ? when.ToUniversalTime() : when, DateTimeKind.Utc)
            : null;
    }

    /// Schedules the version for <paramref name="scheduledUtc"/>, or takes its schedule away when null.
    public static void Set(ContentItem item, DateTime? scheduledUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Remove<PublishLaterPart>();
        if (scheduledUtc is { } when)
        {
            item.Apply(new PublishLaterPart(DateTime.SpecifyKind(when, DateTimeKind.Utc)));
        }
    }
}
