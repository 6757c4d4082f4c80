using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// The admin content list against the recipe's posts: filters, search, sort and paging, on both engines.
public abstract class ContentListTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : AdminSite
{
    private static readonly SetupRecipe Recipe = SetupRecipe.Instance;

    private static async Task<IReadOnlyList<string>> TitlesAsync(HttpClient client, string query)
    {
        var page = await HtmlPage.GetAsync(client, "/admin/content" + query);
        return page.Document.QuerySelectorAll("main table tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
    }

    [Fact]
    public async Task PostsFilterByTagAndSortByPublishedDate()
    {
        using var client = await AdminSite.SignedInAsync(site, "Editor");
        var tag = Recipe.TaxonomyTerms.First(t => t.Taxonomy == "tags" && Recipe.Posts.Count(p => SetupRecipe.TermIdsOf(p, "Tags").Contains(t.Id)) > 1);

        var titles = await TitlesAsync(client, $"?type=BlogPost&term={tag.Id}&sort=published");

        Assert.Equal(Recipe.PostsIn(tag).Select(SetupRecipe.TitleOf), titles);
    }

    [Fact]
    public async Task SearchFindsWordsInTitleOrTextInAnyCaseAndTitleSortIsAlphabetical()
    {
        using var client = await AdminSite.SignedInAsync(site, "Editor");

        var found = Unedited(await TitlesAsync(client, "?search=KOREAN&type=BlogPost&sort=title"));

        var expected = Recipe.Posts.Skip(1).Where(p => Mentions(p, "korean")).Select(SetupRecipe.TitleOf).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(expected, t => !t.Contains("korean", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task SearchNeedsEveryWordAndReadsOnlyTheBodyOfTheJson()
    {
        using var client = await AdminSite.SignedInAsync(site, "Editor");

        var found = Unedited(await TitlesAsync(client, "?search=sanctions+\"north+korea\"&type=BlogPost&sort=title"));

        var expected = Recipe.Posts.Skip(1).Where(p => Mentions(p, "sanctions") && Mentions(p, "north korea")).Select(SetupRecipe.TitleOf).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
        // Every post's JSON names its parts; only what editors wrote is searched.
        Assert.Empty(await TitlesAsync(client, "?search=MarkdownBodyPart&type=BlogPost"));
    }

    // Another test of the class replaces the first post's latest version; the searches leave that post out.
    private static List<string> Unedited(IEnumerable<string> titles) =>
        [.. titles.Where(t => t != SetupRecipe.TitleOf(Recipe.Posts[0]) && t != "An edit not yet published")];

    private static bool Mentions(ContentItem post, string words) =>
        (SetupRecipe.TitleOf(post) + " " + SetupRecipe.MarkdownOf(post)).Contains(words, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task StatusTellsDraftsAndUnpublishedChangesApartAndPagesHoldTwenty()
    {
        // The recipe's items (posts, the blog, the About page), a draft and a page: the second page holds the rest.
        await AddItemsAsync();
        using var client = await AdminSite.SignedInAsync(site, "Editor");

        Assert.Equal(["Only a draft"], await TitlesAsync(client, "?status=draft"));
        Assert.Equal(["An edit not yet published"], await TitlesAsync(client, "?status=changed"));
        Assert.Equal(20, (await TitlesAsync(client, "")).Count);
        Assert.Equal(Recipe.ListedItems + 2 - 20, (await TitlesAsync(client, "?p=2")).Count);
        Assert.DoesNotContain("An edit not yet published", await TitlesAsync(client, "?status=published&p=1"));
    }

    private async Task AddItemsAsync()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentVersionImporter>();
            await store.ImportAsync(new ContentItem
            {
                ContentItemId = "adminlistdraft000000000001", ContentType = "BlogPost", DisplayText = "Only a draft", Latest = true, Published = false,
                Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Only a draft" } },
            });
            await store.ImportAsync(new ContentItem
            {
                ContentItemId = "adminlistpage000000000001", ContentType = "Article", DisplayText = "A published page", Latest = true, Published = true,
                Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "A published page" } },
            });
            var first = Recipe.Posts[0];
            await store.ImportAsync(new ContentItem
            {
                ContentItemId = first.ContentItemId, ContentItemVersionId = "adminlistchange00000000001", ContentType = "BlogPost",
                DisplayText = "An edit not yet published", Latest = true, Published = false, Content = new JsonObject(),
            });
        }
    }
}

public sealed class ContentListOnSqliteTests(AdminSite site) : ContentListTests<AdminSite>(site);

public sealed class ContentListOnPostgreSqlTests(PostgreSqlAdminSite site) : ContentListTests<PostgreSqlAdminSite>(site);
