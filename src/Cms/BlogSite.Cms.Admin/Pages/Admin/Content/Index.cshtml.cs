using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Cms.Admin.Pages.Admin.Content;

/// /admin/content: every item by its latest version, filtered, searched, sorted and paged (GET, so a filtered list
/// can be bookmarked).
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class ContentListModel(CmsDbContext db, ContentStore store, ContentPermissionCheck permissions, ContentEditors editors, SiteSettingsStore settings) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public ContentListQuery Query { get; private set; } = new();

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int TotalPages => Math.Max(1, (Total + ContentListQuery.PageSize - 1) / ContentListQuery.PageSize);

    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<string> Authors { get; private set; } = [];

    public IReadOnlyList<(string Taxonomy, string Id, string Name)> Terms { get; private set; } = [];

    private HashSet<string> publishedItems = [];

    private Dictionary<string, DateTime> schedules = [];

    private SiteSettings site = new([]);

    /// The zone the page's times are shown in.
    public string ZoneName => site.TimeZone.Id;

    public async Task OnGetAsync(
        [FromQuery] string? type, [FromQuery] string? status, [FromQuery] string? term, [FromQuery] string? author,
        [FromQuery] string? search, [FromQuery] string? sort, [FromQuery(Name = "p")] int? page, CancellationToken cancellationToken)
    {
        Query = new ContentListQuery(type, status, term, author, search, sort, Math.Max(1, page ?? 1));
        (Items, Total) = await Query.RunAsync(db, cancellationToken);
        var ids = Items.Select(i => i.ContentItemId).ToList();
        publishedItems = [.. await db.ContentItems.AsNoTracking().Where(x => x.Published && ids.Contains(x.ContentItemId)).Select(x => x.ContentItemId).ToListAsync(cancellationToken)];
        schedules = await ContentStatus.SchedulesAsync(db, ids, cancellationToken);
        site = await settings.GetAsync(cancellationToken);
        var latest = db.ContentItems.AsNoTracking().Where(x => x.Latest);
        Types = await latest.Where(x => x.ContentType != "Taxonomy").Select(x => x.ContentType).Distinct().OrderBy(x => x).ToListAsync(cancellationToken);
        Authors = (await latest.Select(x => x.Author).Distinct().ToListAsync(cancellationToken)).OfType<string>().Where(a => a.Length > 0).Order(StringComparer.Ordinal).ToList();
        var taxonomies = await latest.Where(x => x.ContentType == "Taxonomy").ToDictionaryAsync(x => x.ContentItemId, x => x.DisplayText, cancellationToken);
        Terms = [.. (await db.Terms.AsNoTracking().Where(t => t.Latest).OrderBy(t => t.TaxonomyContentItemId).ThenBy(t => t.DisplayText).ToListAsync(cancellationToken))
            .Select(t => (taxonomies.GetValueOrDefault(t.TaxonomyContentItemId, "Terms"), t.TermContentItemId, t.DisplayText))];
    }

    /// Bulk publish, unpublish or delete. Each item is checked on its own: PublishContent/DeleteContent for any item,
    /// the "Own" permissions only for the user's own items; what is not allowed is counted and left alone.
    public async Task<IActionResult> OnPostAsync(string[]? ids, string? bulkAction, CancellationToken cancellationToken)
    {
        var (any, own) = bulkAction == "delete"
            ? (AdminPermissions.DeleteContent, AdminPermissions.DeleteOwnContent)
            : (AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent);
        var done = 0;
        var refused = 0;
        foreach (var id in (ids ?? []).Distinct(StringComparer.Ordinal))
        {
            var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemId == id && x.Latest, cancellationToken);
            if (item is null || bulkAction is not ("publish" or "unpublish" or "delete") || !await permissions.CanAsync(User, any, own, item))
            {
                refused++;
                continue;
            }

            try
            {
                var changed = bulkAction switch
                {
                    "publish" => await store.PublishAsync(id, cancellationToken: cancellationToken),
                    "unpublish" => await store.UnpublishAsync(id, cancellationToken),
                    _ => await store.DeleteAsync(id, cancellationToken),
                };
                done += changed ? 1 : 0;
            }
            catch (ContentConflictException e)
            {
                refused++;
                Message = e.Message;
            }
        }

        var verb = bulkAction switch { "publish" => "Published", "unpublish" => "Unpublished", _ => "Deleted" };
        Message = $"{verb} {done}." + (refused > 0 ? $" {refused} not allowed or not possible." : "") + (Message is null ? "" : $" {Message}");
        return Redirect("/admin/content" + Request.QueryString);
    }

    public ContentEditors Editors => editors;

    public string StatusOf(ContentItem item) =>
        ContentStatus.Of(item, publishedItems.Contains(item?.ContentItemId ?? ""), schedules.TryGetValue(item?.ContentItemId ?? "", out var when) ? when : null, site);

    public string PageUrl(int page) =>
        QueryString.Create(Request.Query.Where(q => q.Key != "p").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToUriComponent() is var query
            ? "/admin/content" + query
            : "/admin/content";
}
