using BlogSite.Cms.Admin.Paging;
using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Queries;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// /admin/taxonomies/{id}: add, rename, re-slug, reorder, nest, merge and delete terms. Changes are live at once:
/// term pages and post badges read the taxonomy as saved, and a re-slugged term's old address redirects. The list
/// shows a page of terms at a time and the parent and merge pickers suggest names as they are typed, so the page
/// stays the same size however many terms a taxonomy has.
[Authorize(Policy = AdminPermissions.ManageTaxonomy)]
public sealed class EditTaxonomyModel(TaxonomyEditor editor, TermCatalog terms, TaxonomyQueries queries) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public TermForm Input { get; set; } = new();

    public ContentItem Taxonomy { get; private set; } = null!;

    /// What a refused merge asked for, shown again in its fields.
    public string? MergeSource { get; private set; }

    public string? MergeTarget { get; private set; }

    /// How many terms one page of the list shows.
    public const int PageSize = 100;

    /// The terms on this page of the list.
    public IReadOnlyList<TermIndex> Terms { get; private set; } = [];

    /// How many terms the list has (those matching the search, when there is one).
    public int Matching { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int CurrentPage { get; set; } = 1;

    public AdminPager Pager => new(CurrentPage, PagedItems.PageCount(Matching, PageSize), PageUrl);

    /// The names the parent and merge pickers show and accept.
    public TermChoices Choices { get; private set; } = new([]);

    public IReadOnlyDictionary<string, int> PostCounts { get; private set; } = new Dictionary<string, int>();

    /// Every term, whatever the search and the page show.
    public IReadOnlyList<TermIndex> AllTerms { get; private set; } = [];

    /// Tags: a flat list in name order, with no order or parent controls.
    public bool IsTags { get; private set; }

    /// What the list is narrowed to.
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// "1 post", "8 posts".
    public static string Posts(int count) => count == 1 ? "1 published post" : $"{count:N0} published posts";

    /// Which form failed ("add", a term id, or "merge"), so its errors show next to its fields.
    public string? FailedForm { get; private set; }

    /// The error for <paramref name="field"/> when <paramref name="form"/> is the form that failed.
    public string? ErrorFor(string form, string field) =>
        FailedForm == form && ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string PageUrl(int page) => Url.Page("/Admin/Taxonomies/Edit", ListRoute(Taxonomy.ContentItemId, page)) ?? "";

    /// The address values of the list as it is shown (the taxonomy, the search, the page), which every link and form
    /// of the page keeps, so a change made on page 7 of a search returns there.
    public Dictionary<string, string> ListRoute(string id, int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = id };
        if (NullIfEmpty(Search) is { } search)
        {
            route["q"] = search;
        }

        if (page > 1)
        {
            route["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return route;
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// The pickers' suggestions for what has been typed: a few names, never the whole taxonomy.
    public async Task<IActionResult> OnGetChoicesAsync(string id, string? q, CancellationToken cancellationToken) =>
        await editor.GetAsync(id, cancellationToken) is null
            ? NotFound()
            : new JsonResult(new TermChoices(await terms.TreeAsync(id, cancellationToken)).Suggest(q));

    public Task<IActionResult> OnPostAddAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "add", async () =>
        {
            var parentId = (await ChoicesAsync(id, cancellationToken)).IdOf(Input.ParentId);
            await editor.AddTermAsync(id, Input.Name, Input.Slug, parentId, cancellationToken);
            return $"Added “{Input.Name.Trim()}”.";
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, Input.TermId ?? "", async () =>
        {
            var termId = Input.TermId ?? "";
            await editor.UpdateTermAsync(id, termId, Input.Name, Input.Slug, cancellationToken);
            var current = await queries.ParentOfAsync(termId, cancellationToken);
            var parentId = (await ChoicesAsync(id, cancellationToken)).IdOf(Input.ParentId);
            if (parentId != current)
            {
                await editor.SetParentAsync(id, termId, parentId, cancellationToken);
            }

            return $"Saved “{Input.Name.Trim()}”.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string id, string termId, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(id, termId, async () =>
        {
            await editor.MoveAsync(id, termId, Math.Sign(offset), cancellationToken);
            return "Order saved.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string id, string termId, CancellationToken cancellationToken) =>
        ChangeAsync(id, termId, async () =>
        {
            await editor.DeleteTermAsync(id, termId, cancellationToken);
            return "Deleted the term; the posts that used it no longer show it.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(string id, string? sourceId, string? targetId, CancellationToken cancellationToken) =>
        ChangeAsync(id, "merge", async () =>
        {
            (MergeSource, MergeTarget) = (sourceId, targetId);
            var choices = await ChoicesAsync(id, cancellationToken);
            await editor.MergeAsync(id, choices.IdOf(sourceId) ?? "", choices.IdOf(targetId) ?? "", cancellationToken);
            return "Merged: every post of the first term now has the second.";
        }, cancellationToken);

    /// Runs one change in a transaction; a refused change shows its reason next to the field of the form it came from.
    private async Task<IActionResult> ChangeAsync(string id, string form, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        var result = await editor.ChangeAsync(change, cancellationToken);
        if (result.Succeeded)
        {
            Message = result.Message;
            return RedirectToPage(ListRoute(id, CurrentPage));
        }

        FailedForm = form;
        ModelState.AddModelError(result.Field ?? "", result.Error!);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await editor.GetAsync(id, cancellationToken) is not { } taxonomy)
        {
            return false;
        }

        Taxonomy = taxonomy;
        AllTerms = await terms.TreeAsync(id, cancellationToken);
        Choices = new TermChoices(AllTerms);
        IsTags = await queries.IsTagsAsync(id, cancellationToken);
        var shown = IsTags ? AllTerms.OrderBy(t => t.DisplayText, StringComparer.CurrentCultureIgnoreCase).ToList() : [.. AllTerms];
        var matching = string.IsNullOrWhiteSpace(Search)
            ? shown
            : [.. shown.Where(t => t.DisplayText.Contains(Search.Trim(), StringComparison.CurrentCultureIgnoreCase))];
        Matching = matching.Count;
        CurrentPage = Math.Clamp(CurrentPage, 1, PagedItems.PageCount(Matching, PageSize));
        Terms = [.. matching.Skip(PagedItems.Offset(CurrentPage, PageSize)).Take(PageSize)];
        PostCounts = await queries.PublishedCountsAsync(id, AllTerms, cancellationToken);
        return true;
    }

    private async Task<TermChoices> ChoicesAsync(string id, CancellationToken cancellationToken) =>
        new(await terms.TreeAsync(id, cancellationToken));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
