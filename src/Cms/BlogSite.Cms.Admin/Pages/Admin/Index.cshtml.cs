using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Pages.Admin.Content;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin;

[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class DashboardModel(CmsDbContext db, ContentEditors editors, SiteSettingsStore settings) : PageModel
{
    public ContentEditors Editors => editors;

    public int Scheduled { get; private set; }

    public int PublishedPosts { get; private set; }

    public int Drafts { get; private set; }

    public int Items { get; private set; }

    public IReadOnlyList<ContentItem> Recent { get; private set; } = [];

    private HashSet<string> published = [];

    private Dictionary<string, DateTime> schedules = [];

    private SiteSettings site = new([]);

    /// The zone the page's times are shown in.
    public string ZoneName => site.TimeZone.Id;

    public string StatusOf(ContentItem item) =>
        ContentStatus.Of(item, published.Contains(item?.ContentItemId ?? ""), schedules.TryGetValue(item?.ContentItemId ?? "", out var when) ? when : null, site);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var latest = db.ContentItems.AsNoTracking().Where(x => x.Latest);
        PublishedPosts = await db.ContentItems.CountAsync(x => x.Published && x.ContentType == "BlogPost", cancellationToken);
        Drafts = await latest.CountAsync(x => !x.Published, cancellationToken);
        Items = await latest.CountAsync(cancellationToken);
        Scheduled = await db.ContentItems.Where(x => !x.Published && x.ScheduledPublishUtc != null).Select(x => x.ContentItemId).Distinct().CountAsync(cancellationToken);
        Recent = await latest.OrderByDescending(x => x.ModifiedUtc).ThenByDescending(x => x.Id).Take(8).ToListAsync(cancellationToken);
        var ids = Recent.Select(x => x.ContentItemId).ToList();
        published = [.. await db.ContentItems.Where(x => x.Published && ids.Contains(x.ContentItemId)).Select(x => x.ContentItemId).ToListAsync(cancellationToken)];
        schedules = await ContentStatus.SchedulesAsync(db, ids, cancellationToken);
        site = await settings.GetAsync(cancellationToken);
    }
}
