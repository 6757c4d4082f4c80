using System.Net;
using BlogSite.Blog;
using BlogSite.Cms.Content.Taxonomies;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Term changes made in the admin are what readers see at once: names on badges, term pages, old addresses.
public abstract class TaxonomyAdminTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : AdminSite
{
    private static readonly string Categories = $"/admin/taxonomies/{BlogTaxonomies.CategoriesContentItemId}";
    private static readonly string Tags = $"/admin/taxonomies/{BlogTaxonomies.TagsContentItemId}";

    private static RecipeTerm Tag(string name) => SetupRecipe.Instance.TaxonomyTerms.Single(t => t.Taxonomy == "tags" && t.Name == name);

    [Fact]
    public async Task RenamingAndReSluggingATagShowsOnItsPostsAtOnceAndTheOldAddressRedirects()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var tag = Tag("SWIFT");
        var post = SetupRecipe.Instance.Posts.First(p => SetupRecipe.TermIdsOf(p, "Tags").Contains(tag.Id));

        using var response = await AdminSite.PostFormAsync(editor, Tags, "Update", new() { ["Input.TermId"] = tag.Id, ["Input.Name"] = "SWIFT network", ["Input.Slug"] = "swift-network" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("SWIFT network", await reader.GetStringAsync(SetupRecipe.PathOf(post)), StringComparison.Ordinal);
        using var old = await reader.GetAsync(tag.Url);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tags/swift-network", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MergingTwoTagsMovesThePostsOfTheFirstToTheSecond()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var (source, target) = (Tag("Banking"), Tag("Cybercrime"));
        var moved = SetupRecipe.Instance.PostsIn(source).Select(SetupRecipe.TitleOf).ToList();

        using var response = await AdminSite.PostFormAsync(editor, Tags, "Merge", new() { ["sourceId"] = source.Id, ["targetId"] = target.Id });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var targetPage = await HtmlPage.GetAsync(reader, target.Url);
        Assert.All(moved, title => Assert.Contains(title, targetPage.PostTitles));
        // The merged tag's old links lead to the tag it became.
        using var old = await reader.GetAsync(source.Url);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(target.Url, old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ACategoryIsAddedNestedAndReorderedAndTheNavigationFollows()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var parent = SetupRecipe.Instance.TaxonomyTerms.First(t => t.Taxonomy == "categories" && t.ParentId is null);

        using var added = await AdminSite.PostFormAsync(editor, Categories, "Add", new() { ["Input.Name"] = "Maritime interdiction", ["Input.ParentId"] = parent.Id });
        var tree = await HtmlPage.GetAsync(editor, Categories);
        var newId = tree.Document.QuerySelector("li[data-term='Maritime interdiction'] input[name=termId]")!.GetAttribute("value")!;
        using var moved = await AdminSite.PostFormAsync(editor, Categories, "Move", new() { ["termId"] = newId, ["offset"] = "-1" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var names = (await HtmlPage.GetAsync(editor, Categories)).Document.QuerySelectorAll("li[data-term]").Select(li => li.GetAttribute("data-term")).ToList();
        var children = SetupRecipe.Instance.TaxonomyTerms.Where(t => t.ParentId == parent.Id).Select(t => t.Name).ToList();
        Assert.Equal([parent.Name, .. children[..^1], "Maritime interdiction", children[^1]], names.Skip(names.IndexOf(parent.Name)).Take(children.Count + 2));
        using var post = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Boarding a tanker").Set("CategoryId", newId).PostAsync("Publish");
        var home = await HtmlPage.GetAsync(reader, "/");
        Assert.Contains("Maritime interdiction", home.Document.QuerySelector(".site-nav")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Boarding a tanker", (await HtmlPage.GetAsync(reader, "/categories/maritime-interdiction")).PostTitles);
    }

    [Fact]
    public async Task ASlugAnotherTermUsesIsExplainedNextToTheSlugFieldOfThatForm()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await AdminSite.PostFormAsync(editor, Tags, "Add", new() { ["Input.Name"] = "Duplicate", ["Input.Slug"] = Tag("Bangladesh Bank").Url.Split('/')[^1] });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("already uses the slug", page.QuerySelector("#add-slug")!.ParentElement!.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Duplicate", page.QuerySelector("#add-name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TagsCreatedAtTheSameMomentByDifferentWritersAreAllKept()
    {
        var names = Enumerable.Range(1, 6).Select(i => $"Simultaneous tag {i}").ToList();

        await Task.WhenAll(names.Select(async name =>
        {
            await using var scope = site.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TaxonomyEditor>().EnsureTermsAsync(BlogTaxonomies.TagsContentItemId, [name]);
        }));

        await using var check = site.Factory.Services.CreateAsyncScope();
        var tags = await check.ServiceProvider.GetRequiredService<TermCatalog>().TreeAsync(BlogTaxonomies.TagsContentItemId);
        Assert.All(names, name => Assert.Contains(tags, t => t.DisplayText == name));
    }

    [Fact]
    public async Task DeletingATagTakesItOffItsPosts()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var tag = Tag("Africa");
        var post = SetupRecipe.Instance.PostsIn(tag).First();

        using var response = await AdminSite.PostFormAsync(editor, Tags, "Delete", new() { ["termId"] = tag.Id });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain($"href=\"{tag.Url}\"", await reader.GetStringAsync(SetupRecipe.PathOf(post)), StringComparison.Ordinal);
        // A deleted tag's old links lead to the taxonomy's own page.
        using var old = await reader.GetAsync(tag.Url);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tags", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TermsAreCountedAsTheSiteCountsThemAndTagsAreAFlatSearchableList()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        using var reader = site.NewClient();
        var home = await HtmlPage.GetAsync(reader, "/");
        var siteCount = home.Document.QuerySelectorAll("a[href='/categories/sanctions']").Select(a => a.ParentElement!.QuerySelector(".count")?.TextContent).First(c => c is not null);

        var categories = await HtmlPage.GetAsync(editor, Categories);
        var tags = await HtmlPage.GetAsync(editor, $"{Tags}?q=bank");

        Assert.Equal($"{siteCount} published posts", categories.Document.QuerySelector("li[data-term='Sanctions'] .hint")?.TextContent);
        Assert.NotEmpty(categories.Document.QuerySelectorAll("button[aria-label^='Move']"));
        Assert.Empty(tags.Document.QuerySelectorAll("button[aria-label^='Move']"));
        Assert.Null(tags.Document.QuerySelector("select[name='Input.ParentId']"));
        var shown = tags.Document.QuerySelectorAll("li.term-row").Select(r => r.GetAttribute("data-term")!).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, name => Assert.Contains("bank", name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("published post", tags.Document.QuerySelector("li.term-row .hint")?.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TaxonomyAdminOnSqliteTests(AdminSite site) : TaxonomyAdminTests<AdminSite>(site);

public sealed class TaxonomyAdminOnPostgreSqlTests(PostgreSqlAdminSite site) : TaxonomyAdminTests<PostgreSqlAdminSite>(site);
