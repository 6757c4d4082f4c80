using System.Net;
using BlogSite.Blog;
using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Taxonomies;
using Microsoft.EntityFrameworkCore;
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
    public async Task MergingATagChangesThePostsLiveVersionAndLeavesItsEarlierOneAsItWas()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        string source, target;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var terms = await scope.ServiceProvider.GetRequiredService<TaxonomyEditor>()
                .EnsureTermsAsync(BlogTaxonomies.TagsContentItemId, ["Kept in history", "History's heir"]);
            (source, target) = (terms[0], terms[1]);
        }

        foreach (var version in new[] { "4historyv1000000000000000", "4historyv2000000000000000" })
        {
            await using var scope = site.Factory.Services.CreateAsyncScope();
            var post = new ContentItem
            {
                ContentItemId = "4historypost00000000000000", ContentItemVersionId = version, ContentType = BlogContentDefinitions.BlogPost,
                DisplayText = "A post with history", Latest = true, Published = true, PublishedUtc = new DateTime(2015, 3, 1, 9, 0, 0, DateTimeKind.Utc),
            };
            post.Apply(new TitlePart("A post with history")).Apply(new AutoroutePart("blog/a-post-with-history")).Apply(new MarkdownBodyPart(version))
                .Apply(new BlogPost(Tags: new TaxonomyField(BlogTaxonomies.TagsContentItemId, [source])));
            await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(post);
        }

        using var response = await AdminSite.PostFormAsync(editor, Tags, "Merge", new() { ["sourceId"] = source, ["targetId"] = target });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = site.Factory.Services.CreateAsyncScope();
        var versions = await check.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
            .Where(x => x.ContentItemId == "4historypost00000000000000").ToListAsync();
        Assert.Equal([target], versions.Single(v => v.Published).As<BlogPost>()?.Tags?.TermContentItemIds);
        Assert.Equal([source], versions.Single(v => v.ContentItemVersionId == "4historyv1000000000000000").As<BlogPost>()?.Tags?.TermContentItemIds);
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
