using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// Navigation, archives, search, feeds, sitemap and sharing tags against the recipe's 18 posts; run per engine.
public abstract class ReaderFeaturesTests(SiteFixture site)
{
    private static readonly SetupRecipe Recipe = SetupRecipe.Instance;

    private static IReadOnlyList<ContentItem> Posts => Recipe.Posts;

    private static IEnumerable<RecipeTerm> Terms(string taxonomy) => Recipe.TaxonomyTerms.Where(t => t.Taxonomy == taxonomy);

    [Fact]
    public async Task PostPagesLinkToTheirNeighboursInTime()
    {
        for (var i = 0; i < Posts.Count; i++)
        {
            var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(Posts[i]));

            Assert.Equal(i == 0 ? null : SetupRecipe.PathOf(Posts[i - 1]), page.Document.QuerySelector(".post-nav a[rel=next]")?.GetAttribute("href"));
            Assert.Equal(i == Posts.Count - 1 ? null : SetupRecipe.PathOf(Posts[i + 1]), page.Document.QuerySelector(".post-nav a[rel=prev]")?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task RelatedPostsShareTheMostTagsThenTheCategoryNewestFirst()
    {
        foreach (var post in Posts)
        {
            var tags = SetupRecipe.TermIdsOf(post, "Tags");
            var category = SetupRecipe.TermIdsOf(post, "Category");
            var expected = Posts
                .Where(p => p != post)
                .Select(p => (Post: p, Tags: SetupRecipe.TermIdsOf(p, "Tags").Count(tags.Contains), Category: SetupRecipe.TermIdsOf(p, "Category").Any(category.Contains)))
                .Where(x => x.Tags > 0 || x.Category)
                .OrderByDescending(x => x.Tags).ThenByDescending(x => x.Category).ThenByDescending(x => x.Post.PublishedUtc)
                .Take(3)
                .Select(x => SetupRecipe.PathOf(x.Post));

            var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(post));

            Assert.Equal(expected, page.Document.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task NavigationCountsEveryCategoryTheMostUsedTagsAndEachMonth()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/");
        var nav = page.Document.QuerySelector("aside.site-nav")!;

        var shownTags = CountedItems(nav.QuerySelectorAll("section[aria-labelledby=nav-tags] li"));
        var mostUsed = Terms("tags")
            .Select(t => (t.Name, Count: Recipe.PostsIn(t).Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(30)
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => $"{t.Name} {t.Count}");
        Assert.True(Terms("tags").Count() > 30, "the seed posts have more tags than the map names");
        Assert.Equal(mostUsed, shownTags);
        Assert.Equal("/tags", nav.QuerySelector("section[aria-labelledby=nav-tags] .nav-more a")?.GetAttribute("href"));

        var shown = CountedItems(nav.QuerySelectorAll("section[aria-labelledby=nav-categories] li, section[aria-labelledby=nav-archives] li"));
        foreach (var term in Terms("categories"))
        {
            Assert.Contains($"{term.Name} {Recipe.PostsIn(term).Count()}", shown);
        }

        foreach (var month in Posts.GroupBy(p => (p.PublishedUtc!.Value.Year, p.PublishedUtc!.Value.Month)))
        {
            Assert.Contains($"{MonthName(month.Key.Year, month.Key.Month)} {month.Count()}", shown);
        }

        Assert.Null(nav.QuerySelector("section[aria-labelledby=nav-archives] .nav-more"));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("categories")]
    public async Task ATaxonomysPageListsEveryTermWithItsPosts(string taxonomy)
    {
        var page = await HtmlPage.GetAsync(site.Client, "/" + taxonomy);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var listed = page.Document.QuerySelectorAll("ul.term-index li")
            .Select(li => (Href: li.QuerySelector("a")?.GetAttribute("href"), Count: li.QuerySelector(".count")?.TextContent.Trim()))
            .ToList();
        var expected = Terms(taxonomy).Where(t => Recipe.PostsIn(t).Any()).Select(t => (Href: (string?)t.Url, Count: (string?)Recipe.PostsIn(t).Count().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(expected.OrderBy(t => t.Href, StringComparer.Ordinal), listed.OrderBy(t => t.Href, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheArchivePageListsEveryMonthByYearWithItsPosts()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/archive");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var months = Posts
            .GroupBy(p => (p.PublishedUtc!.Value.Year, p.PublishedUtc!.Value.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => $"{MonthName(g.Key.Year, g.Key.Month)} {g.Count()}");
        Assert.Equal(months, CountedItems(page.Document.QuerySelectorAll(".archive-index li")));
        var years = Posts.GroupBy(p => p.PublishedUtc!.Value.Year).OrderByDescending(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Assert.Equal(years, CountedItems(page.Document.QuerySelectorAll(".archive-year h2")));
    }

    private static List<string> CountedItems(IEnumerable<AngleSharp.Dom.IElement> elements) =>
        [.. elements.Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    private static string MonthName(int year, int month) =>
        new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnArchivePageListsExactlyThatMonthsPosts()
    {
        foreach (var month in Posts.GroupBy(p => (p.PublishedUtc!.Value.Year, p.PublishedUtc!.Value.Month)))
        {
            var page = await HtmlPage.GetAsync(site.Client, $"/archive/{month.Key.Year:D4}/{month.Key.Month:D2}");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(month.Select(SetupRecipe.PathOf), page.PostLinks);
        }
    }

    [Theory]
    [InlineData("/archive/2016/01")]
    [InlineData("/archive/2016/13")]
    [InlineData("/archive/0000/05")]
    public async Task AMonthWithoutPostsIsNotFound(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(site.Client, url)).Status);

    [Fact]
    public async Task SearchingForAPhraseFromOnePostFindsItFirstWithTheWordsMarked()
    {
        var post = Posts.Single(p => SetupRecipe.TitleOf(p).StartsWith("Who killed Pastor Han", StringComparison.Ordinal));

        var page = await HtmlPage.GetAsync(site.Client, "/search?q=" + Uri.EscapeDataString("\"knife and axe wounds\""));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var first = page.Document.QuerySelector(".search-result")!;
        Assert.Equal(SetupRecipe.PathOf(post), first.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains(first.QuerySelectorAll(".snippet mark"), m => m.TextContent.Contains("knife", StringComparison.OrdinalIgnoreCase));
        Assert.Single(page.Document.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task SearchRanksTitleMatchesAndCountsEveryMatch()
    {
        var expected = Posts.Count(p => (SetupRecipe.TitleOf(p) + " " + SetupRecipe.MarkdownOf(p)).Contains("Kuwait", StringComparison.OrdinalIgnoreCase));

        var page = await HtmlPage.GetAsync(site.Client, "/search?q=Kuwait");

        Assert.Equal(expected, page.Document.QuerySelectorAll(".search-result").Length);
        Assert.Contains("Kuwait", page.Document.QuerySelector(".search-result h2")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"unclosed phrase")]
    [InlineData("AND OR NOT ( ) * : ^ -")]
    [InlineData("U.N. sanctions; (2270)!")]
    [InlineData("<script>alert(1)</script>")]
    public async Task AnyQueryIsAnsweredGracefully(string query)
    {
        var page = await HtmlPage.GetAsync(site.Client, "/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Search", page.Document.QuerySelector("main h1")?.TextContent);
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyResultsArePaged()
    {
        var first = await HtmlPage.GetAsync(site.Client, "/search?q=korea");
        var second = await HtmlPage.GetAsync(site.Client, "/search?q=korea&page=2");

        Assert.Equal(10, first.Document.QuerySelectorAll(".search-result").Length);
        Assert.NotEmpty(second.Document.QuerySelectorAll(".search-result"));
        Assert.Empty(first.PostLinks.Intersect(second.PostLinks));
        Assert.NotNull(first.Document.QuerySelector("nav.pager a[href='/search?q=korea&page=2']"));
    }

    [Fact]
    public async Task TheBlogFeedIsValidRss20WithTheNewestPostsFirst()
    {
        var (xml, feed) = await FeedAsync("/rss");

        Assert.Equal("2.0", xml.Root!.Attribute("version")?.Value);
        Assert.Equal(Posts.Select(SetupRecipe.TitleOf), feed.Items.Select(i => i.Title.Text));
        Assert.All(xml.Root.Element("channel")!.Elements("item"), item =>
        {
            foreach (var element in new[] { "title", "link", "guid", "pubDate", "description" })
            {
                Assert.NotNull(item.Element(element));
            }
        });
        var page = await HtmlPage.GetAsync(site.Client, "/");
        Assert.Equal("/rss", page.Document.QuerySelector("link[rel=alternate][type='application/rss+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task EachTermHasAFeedOfItsPosts()
    {
        foreach (var term in Recipe.TaxonomyTerms)
        {
            var (_, feed) = await FeedAsync(term.Url + "/rss");
            var expected = Recipe.PostsIn(term).Select(SetupRecipe.TitleOf);

            Assert.Equal(expected, feed.Items.Select(i => i.Title.Text));
        }

        var termPage = await HtmlPage.GetAsync(site.Client, Terms("tags").First().Url);
        Assert.Contains(termPage.Document.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == Terms("tags").First().Url + "/rss");
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/tags/no-such-tag/rss")).StatusCode);
    }

    [Fact]
    public async Task TheSitemapListsEveryPostAndTermPageWithADate()
    {
        var index = XDocument.Parse(await site.Client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "sitemapindex", index.Root!.Name);
        var file = index.Root.Elements(ns + "sitemap").Single();
        Assert.Equal("http://localhost/sitemaps/1.xml", file.Element(ns + "loc")!.Value);
        Assert.NotNull(file.Element(ns + "lastmod"));
        var xml = XDocument.Parse(await site.Client.GetStringAsync("/sitemaps/1.xml"));
        var entries = xml.Root!.Elements(ns + "url").ToDictionary(u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath, u => u.Element(ns + "lastmod")?.Value);

        foreach (var path in Posts.Select(SetupRecipe.PathOf).Concat(Recipe.TaxonomyTerms.Select(t => t.Url)).Append("/"))
        {
            Assert.True(entries.TryGetValue(path, out var lastModified), $"{path} is missing from the sitemap");
            Assert.True(DateTime.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _), $"{path} has no date");
        }

        var robots = await site.Client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageHasAUniqueTitleDescriptionCanonicalAndSharingTags()
    {
        var urls = new[] { "/", "/?page=2", "/archive/2016/04", "/search?q=korea" }
            .Concat(Posts.Select(SetupRecipe.PathOf))
            .Concat(Recipe.TaxonomyTerms.Select(t => t.Url))
            .ToList();
        var titles = new HashSet<string>();
        foreach (var url in urls)
        {
            var page = await HtmlPage.GetAsync(site.Client, url);
            Assert.True(titles.Add(page.Document.Title!), $"{url} repeats the title '{page.Document.Title}'");
            Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("meta[name=description]")?.GetAttribute("content")), $"{url} has no description");
            Assert.Equal("http://localhost" + url, page.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.NotNull(page.Document.QuerySelector("meta[property='og:title']"));
            Assert.NotNull(page.Document.QuerySelector("meta[name='twitter:card']"));
        }
    }

    [Fact]
    public async Task PostsCarryBlogPostingStructuredData()
    {
        var post = Posts[2];
        var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(post));

        var json = JsonNode.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("BlogPosting", json["@type"]!.GetValue<string>());
        Assert.Equal(SetupRecipe.TitleOf(post), json["headline"]!.GetValue<string>());
        Assert.Equal(post.PublishedUtc, DateTime.Parse(json["datePublished"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Equal("article", page.Document.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task AChangedPathAnswersTheOldUrlWithAPermanentRedirect()
    {
        var id = ContentItemIdGenerator.NewId();
        await ImportAsync(Page(id, "about-this-blog-old", "About this blog"));
        await ImportAsync(Page(id, "about-this-blog", "About this blog"));

        using var response = await site.Client.GetAsync("/about-this-blog-old?x=1");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/about-this-blog?x=1", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/about-this-blog")).StatusCode);
    }

    [Fact]
    public async Task DraftsStayOutOfFeedsSearchArchivesSitemapAndTermPages()
    {
        var tag = Terms("tags").First();
        var draft = new ContentItem
        {
            ContentItemId = ContentItemIdGenerator.NewId(),
            ContentType = "BlogPost",
            DisplayText = "Zanzibarquux draft",
            Latest = true,
            Published = false,
            PublishedUtc = Posts[0].PublishedUtc,
            Content = JsonNode.Parse($$"""
                { "TitlePart": { "Title": "Zanzibarquux draft" }, "AutoroutePart": { "Path": "blog/zanzibarquux" },
                  "MarkdownBodyPart": { "Markdown": "Zanzibarquux is a secret." },
                  "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags", "TermContentItemIds": [ "{{tag.Id}}" ] } } }
                """)!.AsObject(),
        };
        await ImportAsync(draft);

        var month = Posts[0].PublishedUtc!.Value;
        foreach (var url in new[] { "/rss", tag.Url, tag.Url + "/rss", $"/archive/{month.Year:D4}/{month.Month:D2}", "/sitemap.xml", "/" })
        {
            Assert.DoesNotContain("zanzibarquux", await site.Client.GetStringAsync(url), StringComparison.OrdinalIgnoreCase);
        }

        // The search page repeats the query, so look at its results rather than its text.
        Assert.Empty((await HtmlPage.GetAsync(site.Client, "/search?q=zanzibarquux")).Document.QuerySelectorAll(".search-result"));

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/blog/zanzibarquux")).StatusCode);
    }

    private async Task<(XDocument Xml, SyndicationFeed Feed)> FeedAsync(string url)
    {
        using var response = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(text));
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{url} is not RSS 2.0");
        formatter.ReadFrom(reader);
        return (XDocument.Parse(text), formatter.Feed);
    }

    private async Task ImportAsync(ContentItem item)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(item);
    }

    private static ContentItem Page(string id, string path, string title) => new()
    {
        ContentItemId = id,
        ContentType = "Article",
        DisplayText = title,
        Latest = true,
        Published = true,
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Who writes here.</p>" },
        },
    };
}

public sealed class ReaderFeaturesOnSqliteTests(SqliteSiteFixture site) : ReaderFeaturesTests(site), IClassFixture<SqliteSiteFixture>;

public sealed class ReaderFeaturesOnPostgreSqlTests(PostgreSqlSiteFixture site) : ReaderFeaturesTests(site), IClassFixture<PostgreSqlSiteFixture>;
