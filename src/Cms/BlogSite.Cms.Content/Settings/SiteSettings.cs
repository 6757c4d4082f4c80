using System.Globalization;
using System.Text.Json.Nodes;

namespace BlogSite.Cms.Content.Settings;

/// The settings BlogSite reads; every other key a recipe sets is kept in <see cref="All"/> and exported again.
public sealed record SiteSettings(JsonObject All)
{
    public string SiteName => All[nameof(SiteName)]?.GetValue<string>() ?? "BlogSite";

    public string? Tagline => All[nameof(Tagline)]?.GetValue<string>();

    public string? MetaDescription => All[nameof(MetaDescription)]?.GetValue<string>();

    /// Orchard Core's BaseUrl: the address readers reach the site at. When set, absolute links (canonical, feeds,
    /// sitemaps) use it whatever Host a request names, and anonymous readers' pages are cached for requests to it.
    public Uri? BaseUrl =>
        All[nameof(BaseUrl)] is JsonValue value && value.TryGetValue<string>(out var text)
        && Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : null;

    public int PageSize => All[nameof(PageSize)] is JsonValue value && value.TryGetValue<int>(out var size) && size > 0 ? size : 10;

    /// The zone editors read and enter dates in; UTC when unset or unknown.
    public TimeZoneInfo TimeZone =>
        All["TimeZoneId"]?.GetValue<string>() is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// A stored UTC time as editors read and enter it, in <see cref="TimeZone"/>.
    public DateTime ToSiteTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// The UTC instant of a time an editor entered; see <see cref="Skips"/> first.
    public DateTime ToUtc(DateTime siteTime) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(siteTime, DateTimeKind.Unspecified), TimeZone);

    // A zone whose clocks skip midnight (some do, on the day they change) starts that day at the first hour it has; one
    // whose midnight comes twice (clocks going back at one) starts it at the first of the two, so the day holds both.
    private DateTime StartOfDayUtc(DateTime siteMidnight)
    {
        var time = DateTime.SpecifyKind(siteMidnight, DateTimeKind.Unspecified);
        while (Skips(time))
        {
            time = time.AddMinutes(15);
        }

        return TimeZone.IsAmbiguousTime(time)
            ? DateTime.SpecifyKind(time - TimeZone.GetAmbiguousTimeOffsets(time).Max(), DateTimeKind.Utc)
            : ToUtc(time);
    }

    /// Whether the zone has no such time (the clocks jump over it).
    public bool Skips(DateTime siteTime) => TimeZone.IsInvalidTime(DateTime.SpecifyKind(siteTime, DateTimeKind.Unspecified));

    /// A stored UTC time as editors read it, formatted invariantly; with <paramref name="nameZone"/>, followed by the
    /// zone's name in brackets.
    public string ShowTime(DateTime utc, string format = "yyyy-MM-dd HH:mm", bool nameZone = false)
    {
        var shown = ToSiteTime(utc).ToString(format, CultureInfo.InvariantCulture);
        return nameZone ? $"{shown} ({TimeZone.Id})" : shown;
    }

    /// Where a calendar month of the site's zone starts and ends, in UTC: month archives follow the site's clock.
    public (DateTime StartUtc, DateTime EndUtc) MonthInUtc(int year, int month)
    {
        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // The calendar ends with December 9999, and so does that month.
        var end = year == DateTime.MaxValue.Year && month == 12
            ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
            : StartOfDayUtc(start.AddMonths(1));
        return (StartOfDayUtc(start), end);
    }

    public string? HomeContentItemId => All["HomeRoute"]?["ContentItemId"]?.GetValue<string>();
}
