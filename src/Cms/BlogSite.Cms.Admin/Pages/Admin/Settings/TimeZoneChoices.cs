using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace BlogSite.Cms.Admin.Pages.Admin.Settings;

/// The time zones an editor picks from: grouped by region ("Asia", "Europe"…), each named by its place and its offset
/// now ("Seoul (UTC+09:00)"), sorted by offset then name. Legacy and Etc/ aliases are left out unless the site uses
/// one, so the list reads like a map rather than the system's ~400 raw identifiers.
public static class TimeZoneChoices
{
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
    };

    public static IReadOnlyList<SelectListItem> For(string? current, DateTimeOffset now)
    {
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        SelectListGroup Group(string name) => groups.TryGetValue(name, out var group) ? group : groups[name] = new SelectListGroup { Name = name };

        var zones = TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id == current || (z.Id.Contains('/', StringComparison.Ordinal) && Regions.Contains(z.Id[..z.Id.IndexOf('/', StringComparison.Ordinal)])))
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(z => z.Offset).ThenBy(z => z.Zone.Id, StringComparer.Ordinal);
        var items = new List<SelectListItem> { new("UTC (UTC+00:00)", "UTC") { Group = Group("Universal") } };
        foreach (var (zone, offset) in zones.Where(z => z.Zone.Id != "UTC"))
        {
            var slash = zone.Id.IndexOf('/', StringComparison.Ordinal);
            var region = slash > 0 ? zone.Id[..slash] : "Other";
            var place = (slash > 0 ? zone.Id[(slash + 1)..] : zone.Id).Replace('_', ' ').Replace("/", " / ", StringComparison.Ordinal);
            items.Add(new SelectListItem($"{place} ({Offset(offset)})", zone.Id) { Group = Group(region) });
        }

        // A zone the site already uses stays choosable even when it is an alias the list leaves out ("US/Eastern"),
        // or saving any setting would quietly move the site to another zone.
        if (current is { Length: > 0 } && items.TrueForAll(i => i.Value != current)
            && TimeZoneInfo.TryFindSystemTimeZoneById(current, out var kept))
        {
            items.Add(new SelectListItem($"{current} ({Offset(kept.GetUtcOffset(now))})", current) { Group = Group("Other") });
        }

        // Grouped in the order regions are first met, so a <select> draws each group once.
        return [.. items.GroupBy(i => i.Group!.Name).SelectMany(g => g)];
    }

    private static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
