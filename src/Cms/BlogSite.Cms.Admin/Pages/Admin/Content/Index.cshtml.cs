using System.Globalization;
using BlogSite.Cms.Admin.Editors;
using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Content;

/// /admin/content: every item by its latest version, filtered, searched, sorted and paged (GET, so a filtered list
/// can be bookmarked).
[Authorize(Policy = AdminPermissions.AccessAdminPanel)]
public sealed class ContentListModel(
    ContentListQueries queries, ContentStore store, ContentPermissionCheck permissions, ContentEditors editors, ContentDependents dependents) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public ContentListFilter Query { get; private set; } = new();

    public PagedItems<ContentItem> List { get; private set; } = new([], 0, 1, ContentListFilter.PageSize);

    public IReadOnlyDictionary<string, ContentState> States { get; private set; } = new Dictionary<string, ContentState>();

    public ContentListChoices Choices { get; private set; } = new([], [], []);

    public IReadOnlyList<(string Name, string DisplayName)> CreatableTypes { get; private set; } = [];

    public ContentEditors Editors => editors;

    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();

    /// Containers, taxonomies, menus and the home page: never offered to bulk actions.
    public Func<ContentItem, bool> IsStructural { get; private set; } = _ => false;

    public async Task OnGetAsync(
        [FromQuery] string? type, [FromQuery] string? status, [FromQuery] string? term, [FromQuery] string? author,
        [FromQuery] string? search, [FromQuery] string? sort, [FromQuery(Name = "p")] int? page, CancellationToken cancellationToken)
    {
        Query = new ContentListFilter(type, status, term, author, search, sort, Math.Max(1, page ?? 1))
        {
            OnlyOwnedBy = await permissions.OnlyOwnItemsAsync(User),
        };
        List = await queries.ListAsync(Query, cancellationToken);
        States = await queries.StatesAsync(List.Items, cancellationToken);
        Choices = await queries.ChoicesAsync(cancellationToken);
        CreatableTypes = await queries.CreatableTypesAsync(cancellationToken);
        IsStructural = await dependents.StructuralTestAsync(cancellationToken);
        TypeNames = await queries.TypeNamesAsync(cancellationToken);
    }

    /// Bulk publish, unpublish or delete. Each item is checked on its own: PublishContent/DeleteContent for any item,
    /// the "Own" permissions only for the user's own items. Structural items (containers, taxonomies, menus, the home
    /// page) are left to their own page, where what depends on them is checked. What is left alone is named, with why.
    public async Task<IActionResult> OnPostAsync(string[]? ids, string? bulkAction, CancellationToken cancellationToken)
    {
        if (bulkAction is not ("publish" or "unpublish" or "delete"))
        {
            Message = "Choose what to do with the selected items.";
            return Redirect(Url.Page("/Admin/Content/Index") + Request.QueryString);
        }

        var (any, own) = bulkAction == "delete"
            ? (AdminPermissions.DeleteContent, AdminPermissions.DeleteOwnContent)
            : (AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent);
        var structural = await dependents.StructuralTestAsync(cancellationToken);
        var done = 0;
        var leftAlone = new List<string>();
        foreach (var id in (ids ?? []).Distinct(StringComparer.Ordinal))
        {
            var item = await store.GetLatestAsync(id, cancellationToken);
            if (item is null)
            {
                continue;
            }

            var name = ContentDisplayName(item);
            if (!await permissions.CanAsync(User, any, own, item))
            {
                leftAlone.Add($"{name} (you may not {bulkAction} it)");
                continue;
            }

            if (bulkAction != "publish" && structural(item))
            {
                var reasons = await dependents.OfAsync(item, cancellationToken);
                leftAlone.Add($"{name} ({(reasons.Count > 0 ? string.Join("; ", reasons) : "the site's structure is changed from its own page")})");
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
                leftAlone.Add($"{name} ({e.Message})");
            }
        }

        var verb = bulkAction switch { "publish" => "Published", "unpublish" => "Unpublished", _ => "Deleted" };
        Message = $"{verb} {done}." + (leftAlone.Count > 0 ? $" Left alone: {string.Join(", ", leftAlone)}." : "");
        return Redirect(Url.Page("/Admin/Content/Index") + Request.QueryString);
    }

    private static string ContentDisplayName(ContentItem item) =>
        $"'{(string.IsNullOrWhiteSpace(item.DisplayText) ? "Untitled" : item.DisplayText)}'";

    /// This list's address with the same filters, at <paramref name="page"/>.
    public string PageUrl(int page)
    {
        var values = Request.Query.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => (object?)q.Value.ToString());
        values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return Url.Page("/Admin/Content/Index", values) ?? "";
    }
}
