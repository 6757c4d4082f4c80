using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Cms.Content.Parts;

/// Orchard Core's "publish later": the draft goes live at ScheduledPublishUtc.
public sealed record PublishLaterPart(DateTime? ScheduledPublishUtc)
{
    public const string Name = nameof(PublishLaterPart);

    public static DateTime? ScheduleOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.As<PublishLaterPart>(Name)?.ScheduledPublishUtc is { } when
            ? DateTime.SpecifyKind(when.Kind == DateTimeKind.Local ? when.ToUniversalTime() : when, DateTimeKind.Utc)
            : null;
    }

    public static void Set(JsonObject content, DateTime? scheduledUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (scheduledUtc is { } when)
        {
            content[Name] = new JsonObject { [nameof(ScheduledPublishUtc)] = DateTime.SpecifyKind(when, DateTimeKind.Utc) };
        }
        else
        {
            content.Remove(Name);
        }
    }
}
