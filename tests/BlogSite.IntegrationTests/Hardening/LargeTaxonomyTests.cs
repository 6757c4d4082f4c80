using System.Net;
using System.Text;
using System.Text.Json;
using BlogSite.Blog;
using BlogSite.Cms.Admin.Pages.Admin.Taxonomies;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BlogSite.IntegrationTests.Hardening;

/// A taxonomy of 3,000 terms (a Contributor adding tags post after post gets there) keeps its editor page the size
/// of one page of terms: rows are paged, the pager links a few pages, and the parent and merge pickers suggest names
/// from the server instead of listing every term in every row (which grew with the square of the count).
public sealed class LargeTaxonomyTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>, IAsyncLifetime
{
    private const int TermCount = 3_000;

    /// The editor page at any number of terms stays under this.
    private const int MaxPageBytes = 400_000;

    private static readonly string Categories = $"/admin/taxonomies/{BlogTaxonomies.CategoriesContentItemId}";
    private static readonly string Tags = $"/admin/taxonomies/{BlogTaxonomies.TagsContentItemId}";

    public async Task InitializeAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TaxonomyEditor>();
        await editor.EnsureTermsAsync(BlogTaxonomies.TagsContentItemId, Enumerable.Range(0, TermCount).Select(i => $"Flood tag {i:D4}"));
        await editor.EnsureTermsAsync(BlogTaxonomies.CategoriesContentItemId, Enumerable.Range(0, TermCount).Select(i => $"Flood category {i:D4}"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Tags")]
    [InlineData("Categories")]
    public async Task TheEditorPageOfThreeThousandTermsIsOnePageOfRowsUnderAFixedSize(string taxonomy)
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var url = taxonomy == "Tags" ? Tags : Categories;

        var first = await HtmlPage.GetAsync(editor, url);
        var deep = await HtmlPage.GetAsync(editor, $"{url}?p=25");

        output.WriteLine($"{taxonomy} editor at {TermCount:N0} terms: page 1 {Encoding.UTF8.GetByteCount(first.Html):N0} bytes, page 25 {Encoding.UTF8.GetByteCount(deep.Html):N0} bytes");
        foreach (var page in new[] { first, deep })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.InRange(Encoding.UTF8.GetByteCount(page.Html), 1, MaxPageBytes);
            Assert.Equal(100, page.Document.QuerySelectorAll("li.term-row").Length);
            Assert.Empty(page.Document.QuerySelectorAll("select"));
            Assert.InRange(page.Document.QuerySelectorAll("#term-choices option").Length, 1, TermChoices.SuggestionLimit);
            Assert.InRange(page.Document.QuerySelectorAll("nav.pager a").Length, 2, 8);
        }

        Assert.Contains("3,0", first.Document.QuerySelector("#terms-heading")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("25", deep.Document.QuerySelector("nav.pager [aria-current='page']")?.TextContent);
        Assert.NotEqual(first.Document.QuerySelector("li.term-row")?.GetAttribute("data-term"), deep.Document.QuerySelector("li.term-row")?.GetAttribute("data-term"));
    }

    [Fact]
    public async Task ThePickerSuggestsAFewNamesMatchingWhatIsTyped()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        var names = JsonSerializer.Deserialize<string[]>(await editor.GetStringAsync($"{Tags}?handler=Choices&q=flood%20tag%2002"))!;

        Assert.Equal(TermChoices.SuggestionLimit, names.Length);
        Assert.All(names, name => Assert.StartsWith("Flood tag 02", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APickedParentIsFoundByTheNameThePickerShows()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var terms = scope.ServiceProvider.GetRequiredService<TermCatalog>();
        var tree = await terms.TreeAsync(BlogTaxonomies.CategoriesContentItemId);
        var child = tree.Single(t => t.DisplayText == "Flood category 2999");

        using var moved = await AdminSite.PostFormAsync(editor, Categories, "Update", new()
        {
            ["Input.TermId"] = child.TermContentItemId, ["Input.Name"] = child.DisplayText, ["Input.ParentId"] = "flood category 0007",
        });
        using var refused = await AdminSite.PostFormAsync(editor, Categories, "Update", new()
        {
            ["Input.TermId"] = child.TermContentItemId, ["Input.Name"] = child.DisplayText, ["Input.ParentId"] = "No such category",
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using var after = site.Factory.Services.CreateAsyncScope();
        var parent = (await after.ServiceProvider.GetRequiredService<TermCatalog>().TreeAsync(BlogTaxonomies.CategoriesContentItemId)).Single(t => t.TermContentItemId == child.TermContentItemId).ParentTermContentItemId;
        Assert.Equal(tree.Single(t => t.DisplayText == "Flood category 0007").TermContentItemId, parent);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("No such category", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
