using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Testing;

/// What a site's archive should list, read straight from its database: the months of a time zone that have published
/// posts, newest first, with how many.
public static class PublishedMonths
{
    public static async Task<IReadOnlyList<(int Year, int Month, int Count)>> InZoneAsync(IServiceProvider services, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var dates = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems
            .Where(x => x.Published && x.ContentType == "BlogPost" && x.PublishedUtc != null)
            .Select(x => x.PublishedUtc!.Value)
            .ToListAsync();
        return [.. dates
            .Select(d => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone))
            .GroupBy(d => (d.Year, d.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key.Year, g.Key.Month, g.Count()))];
    }
}
