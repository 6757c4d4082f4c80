using BlogSite.Testing;

namespace BlogSite.IntegrationTests.PublicSite;

/// A menu as Orchard Core's recipes write it (nested items, content menu items, any URL) is drawn in the header with
/// only the links a reader can safely follow. The site of this class is its own, as the recipe replaces its menu.
public sealed class OrchardMenuTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task AnOrchardCoreMenuWithNestedAndContentItemsRendersAndDropsUnsafeLinks()
    {
        await RecipeRunner.RunAsync(site.Factory.Services, """
                { "steps": [ { "name": "content", "Data": [ {
                  "ContentItemId": "4mainmenu00000000000000000", "ContentType": "Menu", "DisplayText": "Main Menu", "Latest": true, "Published": true,
                  "TitlePart": { "Title": "Main Menu" }, "AliasPart": { "Alias": "main-menu" }, "MenuPart": {},
                  "MenuItemsListPart": { "MenuItems": [
                    { "ContentType": "LinkMenuItem", "ContentItemId": "4menuitemhome0000000000000", "DisplayText": "Home", "LinkMenuItemPart": { "Name": "Home", "Url": "~/" } },
                    { "ContentType": "LinkMenuItem", "ContentItemId": "4menuitemmore0000000000000", "DisplayText": "More", "LinkMenuItemPart": { "Name": "More", "Url": "javascript:alert(1)" },
                      "MenuItemsListPart": { "MenuItems": [
                        { "ContentType": "ContentMenuItem", "ContentItemId": "4menuitemabout000000000000", "DisplayText": "Who we are",
                          "ContentMenuItemPart": { "Name": "Who we are" },
                          "ContentMenuItem": { "SelectedContentItem": { "ContentItemIds": [ "4aboutpage0000000000000000" ] } } } ] } } ] } } ] } ] }
                """);

        var page = await HtmlPage.GetAsync(site.Client, "/about");
        var menu = page.Document.QuerySelector("header nav[aria-label=Main]")!;

        Assert.Equal(["Home", "Who we are"], menu.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal("/about", menu.QuerySelector("details a")?.GetAttribute("href"));
        Assert.Equal("More", menu.QuerySelector("details summary")?.TextContent.Trim());
        Assert.DoesNotContain("javascript:", menu.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }
}
