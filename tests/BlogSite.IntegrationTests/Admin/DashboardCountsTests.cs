using System.Globalization;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// Every dashboard card links to the content list filtered as it counted, and the two agree; people who may open only
/// their own items see only those, on the dashboard and in the list.
public sealed class DashboardCountsTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static async Task<IReadOnlyList<(string Label, int Count, string Href)>> CardsAsync(HttpClient client)
    {
        var dashboard = await HtmlPage.GetAsync(client, "/admin");
        return [.. dashboard.Document.QuerySelectorAll("a.card").Select(card => (
            card.QuerySelector(".label")!.TextContent,
            int.Parse(card.QuerySelector(".number")!.TextContent, CultureInfo.InvariantCulture),
            card.GetAttribute("href")!))];
    }

    private Task<string> OwnDraftAsync(string id, string ownerName) => TestPost.DraftAsync(site.Factory.Services, id, $"blog/{id}", ownerName);

    private static async Task<int> ListCountAsync(HttpClient client, string href)
    {
        var list = await HtmlPage.GetAsync(client, href);
        return int.Parse(list.Document.QuerySelector("#list-heading")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("Administrator")]
    [InlineData("Author")]
    public async Task EachCardCountsWhatItsLinkLists(string role)
    {
        using var client = await AdminSite.SignedInAsync(site, role);
        await OwnDraftAsync("dashcount0000000000000001", "author");

        var cards = await CardsAsync(client);

        Assert.Contains(cards, c => c.Label == "drafts");
        Assert.Contains(cards, c => c.Label == "pending review");
        Assert.Contains(cards, c => c.Label == "content items in all");
        foreach (var (label, count, href) in cards)
        {
            Assert.True(count == await ListCountAsync(client, href), $"The '{label}' card counts {count}; its list ({href}) shows another number.");
        }
    }

    [Fact]
    public async Task AnAuthorSeesOnlyTheirOwnItems()
    {
        await OwnDraftAsync("dashowner0000000000000001", "author");
        using var author = await AdminSite.SignedInAsync(site, "Author");
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        var authorsAll = (await CardsAsync(author)).Single(c => c.Label == "content items in all").Count;
        var everything = (await CardsAsync(admin)).Single(c => c.Label == "content items in all").Count;
        var list = await HtmlPage.GetAsync(author, "/admin/content");

        Assert.True(everything > 18, "The site holds the recipe's posts and more.");
        Assert.True(authorsAll < everything, "The author is not shown other people's items.");
        Assert.True(authorsAll >= 1, "The author's own draft is counted.");
        Assert.Equal(authorsAll, list.Document.QuerySelectorAll("tbody tr").Length);
        foreach (var link in list.Document.QuerySelectorAll("tbody a[href^='/admin/']").Select(a => a.GetAttribute("href")!))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await author.GetAsync(link)).StatusCode);
        }
    }
}
