using BlogSite.Cms.Content.Editing;
using Microsoft.Extensions.Time.Testing;

namespace BlogSite.UnitTests.Content.Editing;

public sealed class PublishingScheduleTests
{
    [Fact]
    public async Task AChangeMadeWhileThePublisherLooksStillWakesItsNextWait()
    {
        var schedule = new PublishingSchedule();
        var clock = new FakeTimeProvider();
        var seenBeforeLooking = schedule.NextChange;

        // Publish-later is enabled (or a schedule saved) after the publisher read the schedules, before it waits.
        schedule.Changed();
        var wait = PublishingSchedule.WaitAsync(seenBeforeLooking, TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        // The clock never moves, so only the change can end the wait.
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WithoutAChangeTheWaitEndsWhenItsTimeIsUp()
    {
        var schedule = new PublishingSchedule();
        var clock = new FakeTimeProvider();
        var wait = PublishingSchedule.WaitAsync(schedule.NextChange, TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(wait.IsCompletedSuccessfully);
    }
}
