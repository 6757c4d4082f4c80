using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.UnitTests.Content.Settings;

/// Month archives follow the site's clock, so a month's range in UTC must hold every instant the zone shows in it.
public sealed class SiteMonthTests
{
    private static SiteSettings In(string zone) => new(new JsonObject { ["TimeZoneId"] = zone });

    [Fact]
    public void AMonthWhoseMidnightComesTwiceStartsAtTheFirst()
    {
        // Havana's clocks went back from 01:00 to 00:00 on 1 November 2020, so 00:30 came once at 04:30 UTC (still on
        // daylight time, UTC-4) and again an hour later.
        var havana = In("America/Havana");
        var firstHalfPastMidnight = new DateTime(2020, 11, 1, 4, 30, 0, DateTimeKind.Utc);

        var (start, end) = havana.MonthInUtc(2020, 11);

        Assert.Equal(11, havana.ToSiteTime(firstHalfPastMidnight).Month);
        Assert.Equal(new DateTime(2020, 11, 1, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.True(start <= firstHalfPastMidnight && firstHalfPastMidnight < end);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void TheLastMonthOfTheCalendarEndsWithIt()
    {
        var (start, end) = In("UTC").MonthInUtc(9999, 12);

        Assert.Equal(new DateTime(9999, 12, 1, 0, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(DateTime.MaxValue.Ticks, end.Ticks);
    }
}
