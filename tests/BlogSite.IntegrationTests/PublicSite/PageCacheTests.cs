using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BlogSite.Blog.Display;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;
using BlogSite.Cms.Content.Storage;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// The full-page cache for anonymous readers. A response served from the cache carries an Age header (ASP.NET Core's
/// output cache adds it), which is how these tests tell a cached page from a fresh one.
public sealed class PageCacheTests(PageCacheTests.Site site) : IClassFixture<PageCacheTests.Site>
{
    [Fact]
    public async Task AnEditOfALivePostEvictsThePagesThatShowItAndNoOthers()
    {
        var client = await site.ReaderAsync();
        var edited = await TestPost.PublishAsync(site.Factory.Services, "Cache edit target", "The first text.");
        var untouched = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[^1]);
        var untouchedMonth = ArchiveOf(SetupRecipe.Instance.Posts[^1]);
        string[] pages = [edited.Url, "/", untouched, untouchedMonth];
        await WarmAsync(client, pages);

        await site.EditBodyAsync(edited.ContentItemId, "The corrected text.");

        Assert.Contains("The corrected text.", await FreshAsync(client, edited.Url), StringComparison.Ordinal);
        // The home page's summary of the post (its excerpt) is drawn anew too, not taken from the summaries kept in memory.
        Assert.Contains("The corrected text.", await FreshAsync(client, "/"), StringComparison.Ordinal);
        await CachedAsync(client, untouched);
        await CachedAsync(client, untouchedMonth);
    }

    [Fact]
    public async Task APostFirstDrawnForASignedInUserIsCachedForReadersWithWhatItShows()
    {
        var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var reader = await site.ReaderAsync();
        var post = await TestPost.PublishAsync(site.Factory.Services, "Drawn for an editor first", "The first text.");
        var changes = site.Factory.Services.GetRequiredService<SiteChangeFeed>();
        var generation = changes.Generation;
        using (var seen = await admin.GetAsync(post.Url))
        {
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        }

        var month = await site.ArchiveOfAsync(post.ContentItemId);
        using (var seen = await admin.GetAsync(month))
        {
            Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        }

        // Nothing changed since the editor's visits, so the reader's pages are the displays kept from them...
        foreach (var page in new[] { post.Url, month })
        {
            await FreshAsync(reader, page);
            await CachedAsync(reader, page);
        }

        Assert.Equal(generation, changes.Generation);

        await site.EditBodyAsync(post.ContentItemId, "The corrected text.");

        // ...and the cached copies still name the post, so editing it evicts them.
        Assert.Contains("The corrected text.", await FreshAsync(reader, post.Url), StringComparison.Ordinal);
        Assert.Contains("The corrected text.", await FreshAsync(reader, month), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingAndUnpublishingEvictTheListsAndThePagesWhoseSidebarCountsPosts()
    {
        var client = await site.ReaderAsync();
        var other = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[^2]);
        await WarmAsync(client, ["/", other, "/rss"]);

        var added = await TestPost.PublishAsync(site.Factory.Services, "Cache publish target", "Fresh news.");

        Assert.Contains(added.Title, await FreshAsync(client, "/"), StringComparison.Ordinal);
        Assert.Contains(added.Title, await FreshAsync(client, "/rss"), StringComparison.Ordinal);
        await FreshAsync(client, other);
        await WarmAsync(client, ["/", added.Url]);

        await site.UnpublishAsync(added.ContentItemId);

        Assert.DoesNotContain(added.Title, await FreshAsync(client, "/"), StringComparison.Ordinal);
        using var gone = await client.GetAsync(added.Url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task APostPageLinksToTheNewerPostPublishedAfterItWasShown()
    {
        var client = await site.ReaderAsync();
        var first = await TestPost.PublishAsync(site.Factory.Services, "Neighbour shown first", "Before the next one.");
        Assert.DoesNotContain("Neighbour published next", await FreshAsync(client, first.Url), StringComparison.Ordinal);

        var next = await TestPost.PublishAsync(site.Factory.Services, "Neighbour published next", "After the first one.");

        // The newer-post link and related posts of the first post are read again after the publish, not kept from before.
        Assert.Contains(next.Url, await FreshAsync(client, first.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostPageKeepsLinkingToANeighbourPublishedAgainAsANewVersion()
    {
        var client = await site.ReaderAsync();
        var first = await TestPost.PublishAsync(site.Factory.Services, "Links to a revised neighbour", "Before it.");
        var next = await TestPost.PublishAsync(site.Factory.Services, "Neighbour before revision", "After it.");
        Assert.Contains(next.Url, await FreshAsync(client, first.Url), StringComparison.Ordinal);

        // Same date, terms and path, so no list changes; but the live version is a new row with a new document id.
        await site.PublishNewVersionAsync(next.ContentItemId, "Neighbour after revision");

        Assert.Contains("Neighbour after revision", await FreshAsync(client, first.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostPublishedAgainAsANewVersionStaysInTheHomeList()
    {
        var client = await site.ReaderAsync();
        var post = await TestPost.PublishAsync(site.Factory.Services, "Home list entry before revision", "Listed.");
        Assert.Contains(post.Url, await FreshAsync(client, "/"), StringComparison.Ordinal);

        // The home list's order is kept between changes as document ids; this change alters no list but replaces the id.
        await site.PublishNewVersionAsync(post.ContentItemId, "Home list entry after revision");

        var home = await FreshAsync(client, "/");
        Assert.Contains("Home list entry after revision", home, StringComparison.Ordinal);
        Assert.Contains(post.Url, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostPublishedAgainAsANewVersionStaysOnItsTermsPages()
    {
        var client = await site.ReaderAsync();
        var recipe = SetupRecipe.Instance;
        // A category whose page merges its children's posts, and its newest post, filed under one of the children.
        var parent = recipe.TaxonomyTerms.First(t => recipe.TaxonomyTerms.Any(c => c.ParentId == t.Id)
            && recipe.PostsIn(t).FirstOrDefault() is { } newest && newest != recipe.Posts[^1] && !SetupRecipe.TermIdsOf(newest, "Category").Contains(t.Id));
        var post = recipe.PostsIn(parent).First();
        var leaf = recipe.TaxonomyTerms.Single(t => t.Id == SetupRecipe.TermIdsOf(post, "Category")[0]);
        Assert.Contains(SetupRecipe.PathOf(post), await FreshAsync(client, parent.Url), StringComparison.Ordinal);
        Assert.Contains(SetupRecipe.PathOf(post), await FreshAsync(client, leaf.Url), StringComparison.Ordinal);

        await site.PublishNewVersionAsync(post.ContentItemId, "Revised under its category");

        Assert.Contains("Revised under its category", await FreshAsync(client, parent.Url), StringComparison.Ordinal);
        Assert.Contains("Revised under its category", await FreshAsync(client, leaf.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearchRepeatedAfterAPublishFindsTheNewPost()
    {
        var client = await site.ReaderAsync();
        Assert.DoesNotContain("Searchable later", await FreshAsync(client, "/search?q=quokkaqueue"), StringComparison.Ordinal);

        await TestPost.PublishAsync(site.Factory.Services, "Searchable later", "Only this post says quokkaqueue.");

        // Results pages are kept between requests, but never past a change to what is published.
        Assert.Contains("Searchable later", await FreshAsync(client, "/search?q=quokkaqueue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASettingsChangeEvictsEveryPage()
    {
        var client = await site.ReaderAsync();
        var post = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[3]);
        await WarmAsync(client, ["/", post]);

        await site.MergeSettingsAsync(new JsonObject { ["Tagline"] = "A tagline set by the cache test" });

        Assert.Contains("A tagline set by the cache test", await FreshAsync(client, "/"), StringComparison.Ordinal);
        Assert.Contains("A tagline set by the cache test", await FreshAsync(client, post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeOfMoreThanAThousandPagesIsCommittedAsAChangeOfEveryPage()
    {
        var client = await site.ReaderAsync();
        var untouched = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[^3]);
        await WarmAsync(client, [untouched]);

        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var changes = scope.ServiceProvider.GetRequiredService<SiteChangeInterceptor>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var items = Enumerable.Range(0, SiteChangeInterceptor.SiteWideAbove + 1).Select(i => CacheTags.Item($"not-on-the-page-{i}")).ToList();
            await changes.AddAsync(items.Take(SiteChangeInterceptor.SiteWideAbove).ToHashSet(), db, CancellationToken.None);
            Assert.False(changes.StalesEverything(db));
            await changes.AddAsync(items.Skip(SiteChangeInterceptor.SiteWideAbove).ToHashSet(), db, CancellationToken.None);
            // Importers stop working out the pages of each further item from here on.
            Assert.True(changes.StalesEverything(db));
            await CachedAsync(client, untouched);
            await transaction.CommitAsync();
        }

        // None of the thousand pages was this one: it went because the change was announced as the whole site's.
        await FreshAsync(client, untouched);
    }

    [Fact]
    public async Task SignedInUsersAdminPagesAndPreviewsAreNeverServedFromTheCache()
    {
        var reader = await site.ReaderAsync();
        await WarmAsync(reader, ["/"]);
        var admin = await AdminSite.SignedInAsync(site, "Administrator");

        foreach (var page in new[] { "/", "/", "/admin", "/admin", "/admin/content", "/admin/content" })
        {
            using var response = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }

        var post = await TestPost.PublishAsync(site.Factory.Services, "Cache preview target", "Preview body.");
        for (var i = 0; i < 2; i++)
        {
            using var preview = await admin.GetAsync($"/admin/preview/{post.ContentItemId}");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Null(preview.Headers.Age);
        }
    }

    [Fact]
    public async Task HeadersAndUnknownQueryValuesNeitherCreateEntriesNorChangeWhatOtherReadersGet()
    {
        var client = await site.ReaderAsync();
        var post = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[5]);
        await site.MergeSettingsAsync(new JsonObject { ["MetaDescription"] = "Evicts every page before this test" });

        // A page asked for with junk in the query, a non-canonical page number or another Host is not kept...
        foreach (var odd in new[] { post + "?utm_source=spam", post + "?page=1", post + "?page=01" })
        {
            await FreshAsync(client, odd);
        }

        using (var evil = new HttpRequestMessage(HttpMethod.Get, post))
        {
            evil.Headers.Host = "evil.example";
            evil.Headers.Add("X-Forwarded-Host", "evil.example");
            using var response = await client.SendAsync(evil);
            Assert.Null(response.Headers.Age);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // ...so the canonical page is still rendered fresh, then kept, and answers junk-carrying requests unchanged.
        var page = await FreshAsync(client, post);
        Assert.Equal(page, await CachedAsync(client, post));
        Assert.Equal(page, await CachedAsync(client, post + "?utm_source=spam"));
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost" + post + "\"", page, StringComparison.Ordinal);

        // Each content coding is its own entry, and each reader gets the coding it asked for.
        using var gzip = new HttpRequestMessage(HttpMethod.Get, post);
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using (var first = await client.SendAsync(gzip))
        {
            Assert.Equal("gzip", Assert.Single(first.Content.Headers.ContentEncoding));
            Assert.Null(first.Headers.Age);
        }

        await CachedAsync(client, post);
    }

    [Fact]
    public async Task AnUnchangedPageAnswersAConditionalRequestWith304()
    {
        var client = await site.ReaderAsync();
        var post = SetupRecipe.PathOf(SetupRecipe.Instance.Posts[6]);
        using var first = await client.GetAsync(post);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, post);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, post);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-page\""));
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    private static string ArchiveOf(ContentItem post)
    {
        var published = post.PublishedUtc ?? throw new InvalidOperationException("The seed post has no date.");
        return ArchiveLink.PathOf(published.Year, published.Month);
    }

    private static async Task WarmAsync(HttpClient client, IEnumerable<string> pages)
    {
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await CachedAsync(client, page);
        }
    }

    private static async Task<string> CachedAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age is not null, $"{page} was not served from the cache.");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> FreshAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age is null, $"{page} was served from the cache.");
        return await response.Content.ReadAsStringAsync();
    }

    /// A site whose Base URL is the test client's address, so its pages are cached.
    public sealed class Site : AdminSite
    {
        private bool baseUrlSet;

        public async Task<HttpClient> ReaderAsync()
        {
            if (!baseUrlSet)
            {
                await MergeSettingsAsync(new JsonObject { ["BaseUrl"] = "http://localhost" });
                baseUrlSet = true;
            }

            return NewClient();
        }

        public async Task MergeSettingsAsync(JsonObject settings)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(settings);
        }

        public async Task EditBodyAsync(string contentItemId, string markdown)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = await store.GetPublishedAsync(contentItemId) ?? throw new InvalidOperationException("Not published.");
            item.Content = (JsonObject)item.Content.DeepClone();
            item.Apply(new MarkdownBodyPart(markdown));
            await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(item);
        }

        public async Task PublishNewVersionAsync(string contentItemId, string title)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = await store.GetPublishedAsync(contentItemId) ?? throw new InvalidOperationException("Not published.");
            var version = new ContentItem
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = Guid.NewGuid().ToString("N")[..26],
                ContentType = item.ContentType,
                DisplayText = title,
                Published = true,
                Latest = true,
                PublishedUtc = item.PublishedUtc,
                Owner = item.Owner,
                Author = item.Author,
                Content = (JsonObject)item.Content.DeepClone(),
            };
            version.Apply(new TitlePart(title));
            Assert.Equal(ImportOutcome.Updated, await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(version));
        }

        public async Task<string> ArchiveOfAsync(string contentItemId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var post = await scope.ServiceProvider.GetRequiredService<ContentStore>().GetPublishedAsync(contentItemId) ?? throw new InvalidOperationException("Not published.");
            var local = (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync()).ToSiteTime(post.PublishedUtc!.Value);
            return ArchiveLink.PathOf(local.Year, local.Month);
        }

        public async Task UnpublishAsync(string contentItemId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<ContentStore>().UnpublishAsync(contentItemId));
        }
    }
}
