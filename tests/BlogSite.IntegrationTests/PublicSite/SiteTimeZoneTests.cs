using System.Text.Json.Nodes;
using BlogSite.Blog.Parts;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// Readers see dates and month archives in the site's time zone: a post published late on 30 April in UTC is a
/// 1 May post in Seoul. The site of this class is its own, so its zone changes no other test.
public sealed class SiteTimeZoneTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    private const string Title = "Published at dawn in Seoul";
    private const string Path = "blog/published-at-dawn-in-seoul";

    public async Task InitializeAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(new JsonObject { ["TimeZoneId"] = "Asia/Seoul" });
        var post = new ContentItem
        {
            ContentItemId = "4seoultimepost000000000000",
            ContentItemVersionId = "4seoultimepostv10000000000",
            ContentType = "BlogPost",
            DisplayText = Title,
            Latest = true,
            Published = true,
            PublishedUtc = new DateTime(2016, 4, 30, 20, 30, 0, DateTimeKind.Utc),
        };
        post.Apply(new TitlePart(Title)).Apply(new AutoroutePart(Path)).Apply(new MarkdownBodyPart("Written before breakfast."))
            .Apply(new BlogPost(Subtitle: new TextField("")));
        await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(post);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APostShowsTheDateItWasPublishedInTheSiteTimeZone()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/" + Path);

        Assert.Equal("May 1, 2016", page.Document.QuerySelector("article time")?.TextContent.Trim());
    }

    [Fact]
    public async Task MonthArchivesFollowTheSiteTimeZone()
    {
        var may = await HtmlPage.GetAsync(site.Client, "/archive/2016/05");
        var april = await HtmlPage.GetAsync(site.Client, "/archive/2016/04");
        var home = await HtmlPage.GetAsync(site.Client, "/");

        Assert.Contains(Title, may.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Title, april.Html, StringComparison.Ordinal);
        Assert.Contains(home.Document.QuerySelectorAll("aside.site-nav a"), a => a.GetAttribute("href") == "/archive/2016/05" && a.TextContent.Contains("May 2016", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryArchiveMonthCountsThePostsOfThatMonthInTheSiteTimeZone()
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var expected = (await PublishedMonths.InZoneAsync(site.Factory.Services, seoul))
            .Select(m => $"/archive/{m.Year}/{m.Month:00} {m.Count}")
            .ToList();

        var home = await HtmlPage.GetAsync(site.Client, "/");
        var shown = home.Document.QuerySelectorAll("section[aria-labelledby=nav-archives] li")
            .Select(li => $"{li.QuerySelector("a")?.GetAttribute("href")} {li.QuerySelector(".count")?.TextContent.Trim()}")
            .ToList();

        Assert.True(expected.Count > 1, "the seed posts span several months");
        Assert.Equal(expected, shown);
    }
}
