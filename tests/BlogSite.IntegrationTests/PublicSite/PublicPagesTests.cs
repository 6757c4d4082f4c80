using System.Net;
using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// What a reader sees on a site set up from the bundled recipe; run once per database engine.
public abstract class PublicPagesTests(SiteFixture site)
{
    private static readonly SetupRecipe Recipe = SetupRecipe.Instance;

    [Fact]
    public async Task TheHomePageListsTheTenNewestPostsInSeedOrder()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Recipe.Posts.Take(10).Select(SetupRecipe.TitleOf), page.PostTitles);
        Assert.Equal(Recipe.Posts.Take(10).Select(SetupRecipe.PathOf), page.PostLinks);
        Assert.NotNull(page.Document.QuerySelector("nav.pager a[href='/?page=2']"));
    }

    [Fact]
    public async Task TheSecondPageListsTheOtherEight()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/?page=2");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Recipe.Posts.Skip(10).Select(SetupRecipe.TitleOf), page.PostTitles);
        Assert.Equal(8, page.PostTitles.Count);
    }

    [Theory]
    [InlineData("/?page=3")]
    [InlineData("/?page=0")]
    [InlineData("/?page=abc")]
    [InlineData("/no/such/page")]
    [InlineData("/blog/no-such-post")]
    [InlineData("/tags/no-such-tag")]
    public async Task WhatDoesNotExistIsARealNotFoundPage(string url)
    {
        var page = await HtmlPage.GetAsync(site.Client, url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Document.QuerySelector("main h1")?.TextContent);
    }

    [Fact]
    public async Task EveryPostRendersItsFullParagraphFromMarkdown()
    {
        using var markdown = new MarkdownRenderer();
        foreach (var post in Recipe.Posts)
        {
            var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(post));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(SetupRecipe.TitleOf(post), page.Document.QuerySelector("main h1")?.TextContent);
            Assert.Contains(markdown.ToHtml(SetupRecipe.MarkdownOf(post)), page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryTagPageListsExactlyThePostsTaggedWithIt()
    {
        foreach (var tag in Recipe.TaxonomyTerms.Where(t => t.Taxonomy == "tags"))
        {
            var expected = Recipe.PostsIn(tag).Select(SetupRecipe.PathOf).ToList();

            var page = await HtmlPage.GetAsync(site.Client, tag.Url);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, page.PostLinks);
        }
    }

    [Fact]
    public async Task EveryCategoryPageListsItsPostsAndItsChildrensPosts()
    {
        foreach (var category in Recipe.TaxonomyTerms.Where(t => t.Taxonomy == "categories"))
        {
            var expected = Recipe.PostsIn(category).Select(SetupRecipe.PathOf).Take(10).ToList();

            var page = await HtmlPage.GetAsync(site.Client, category.Url);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(expected, page.PostLinks);
        }
    }

    [Fact]
    public async Task AChildCategoryPageShowsItsBreadcrumb()
    {
        var child = Recipe.TaxonomyTerms.First(t => t.Taxonomy == "categories" && t.ParentId is not null);
        var parent = Recipe.TaxonomyTerms.Single(t => t.Id == child.ParentId);

        var page = await HtmlPage.GetAsync(site.Client, child.Url);

        Assert.Equal(
            ["Home", parent.Name, child.Name],
            page.Document.QuerySelectorAll("nav.breadcrumb a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task PostsLinkToTheirCategoryAndTags()
    {
        var post = Recipe.Posts[0];
        var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(post));

        var expected = SetupRecipe.TermIdsOf(post, "Tags").Select(id => Recipe.TaxonomyTerms.Single(t => t.Id == id).Url);
        Assert.Equal(expected, page.Document.QuerySelectorAll("ul.badges a").Select(a => a.GetAttribute("href")));
        var category = Recipe.TaxonomyTerms.Single(t => t.Id == SetupRecipe.TermIdsOf(post, "Category")[0]);
        Assert.Equal(category.Url, page.Document.QuerySelector(".post-category a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ADraftIsNeverShownToReaders()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentVersionImporter>();
            await store.ImportAsync(new ContentItem
            {
                ContentItemId = ContentItemIdGenerator.NewId(),
                ContentType = "BlogPost",
                DisplayText = "Unpublished draft",
                Latest = true,
                Published = false,
                Content = new() { ["AutoroutePart"] = new System.Text.Json.Nodes.JsonObject { ["Path"] = "blog/unpublished-draft" } },
            });
        }

        var draft = await HtmlPage.GetAsync(site.Client, "/blog/unpublished-draft");
        var home = await HtmlPage.GetAsync(site.Client, "/");

        Assert.Equal(HttpStatusCode.NotFound, draft.Status);
        Assert.DoesNotContain("Unpublished draft", home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheThemesStylesheetAndTheHealthCheckAnswer()
    {
        using var css = await site.Client.GetAsync("/_content/BlogSite.Theme/css/site.css");
        using var health = await site.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("prefers-color-scheme", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagesHaveOneMainLandmarkAndAUniqueTitle()
    {
        var home = await HtmlPage.GetAsync(site.Client, "/");
        var post = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(Recipe.Posts[1]));

        Assert.Single(home.Document.QuerySelectorAll("main"));
        Assert.Single(post.Document.QuerySelectorAll("h1"));
        Assert.NotEqual(home.Document.Title, post.Document.Title);
        Assert.StartsWith(SetupRecipe.TitleOf(Recipe.Posts[1]), post.Document.Title, StringComparison.Ordinal);
    }
}

public sealed class PublicPagesOnSqliteTests(SqliteSiteFixture site) : PublicPagesTests(site), IClassFixture<SqliteSiteFixture>;

public sealed class PublicPagesOnPostgreSqlTests(PostgreSqlSiteFixture site) : PublicPagesTests(site), IClassFixture<PostgreSqlSiteFixture>;
