using BlogSite.Cms.Content.Features;

namespace BlogSite.Cms.Content.Editing;

/// Wakes the scheduled publisher when publish-later is switched back on, so versions that fell due meanwhile go out
/// at once rather than at its next look.
public sealed class PublishLaterSwitch(PublishingSchedule schedule) : IFeatureListener
{
    public Task EnabledAsync(IReadOnlyList<FeatureDescriptor> enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        if (enabled.Any(f => f.Id == CmsContentModule.PublishLaterFeature))
        {
            schedule.Changed();
        }

        return Task.CompletedTask;
    }
}
