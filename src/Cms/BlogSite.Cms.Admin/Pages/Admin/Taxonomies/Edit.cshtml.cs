using BlogSite.Cms.Admin.Queries;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Cms.Admin.Pages.Admin.Taxonomies;

/// /admin/taxonomies/{id}: add, rename, re-slug, reorder, nest, merge and delete terms. Changes are live at once:
/// term pages and post badges read the taxonomy as saved, and a re-slugged term's old address redirects.
[Authorize(Policy = AdminPermissions.ManageTaxonomy)]
public sealed class EditTaxonomyModel(TaxonomyEditor editor, TermCatalog terms, TaxonomyQueries queries) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public TermForm Input { get; set; } = new();

    public ContentItem Taxonomy { get; private set; } = null!;

    public IReadOnlyList<TermIndex> Terms { get; private set; } = [];

    public IReadOnlyDictionary<string, int> PostCounts { get; private set; } = new Dictionary<string, int>();

    /// Every term, for the parent and merge choices, whatever the search shows.
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

    public bool HasChildren(TermIndex term) => term is not null && parents.Contains(term.TermContentItemId);

    // Terms that have children, found once: the merge list asks for every term.
    private HashSet<string> parents = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "add", async () =>
        {
            await editor.AddTermAsync(id, Input.Name, Input.Slug, NullIfEmpty(Input.ParentId), cancellationToken);
            return $"Added “{Input.Name.Trim()}”.";
        }, cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, Input.TermId ?? "", async () =>
        {
            var termId = Input.TermId ?? "";
            await editor.UpdateTermAsync(id, termId, Input.Name, Input.Slug, cancellationToken);
            var current = await queries.ParentOfAsync(termId, cancellationToken);
            if (NullIfEmpty(Input.ParentId) != current)
            {
                await editor.SetParentAsync(id, termId, NullIfEmpty(Input.ParentId), cancellationToken);
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
            await editor.MergeAsync(id, sourceId ?? "", targetId ?? "", cancellationToken);
            return "Merged: every post of the first term now has the second.";
        }, cancellationToken);

    /// Runs one change in a transaction; a refused change shows its reason next to the field of the form it came from.
    private async Task<IActionResult> ChangeAsync(string id, string form, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        var result = await editor.ChangeAsync(change, cancellationToken);
        if (result.Succeeded)
        {
            Message = result.Message;
            return RedirectToPage(new { id });
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
        parents = [.. AllTerms.Select(t => t.ParentTermContentItemId).OfType<string>()];
        IsTags = await queries.IsTagsAsync(id, cancellationToken);
        PostCounts = await queries.PublishedCountsAsync(id, AllTerms, cancellationToken);
        var shown = IsTags ? AllTerms.OrderBy(t => t.DisplayText, StringComparer.CurrentCultureIgnoreCase).ToList() : [.. AllTerms];
        Terms = string.IsNullOrWhiteSpace(Search)
            ? shown
            : [.. shown.Where(t => t.DisplayText.Contains(Search.Trim(), StringComparison.CurrentCultureIgnoreCase))];
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
