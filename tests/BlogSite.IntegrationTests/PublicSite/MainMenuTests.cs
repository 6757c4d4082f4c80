using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.PublicSite;

/// The theme's header draws the main menu on every page: the setup recipe's, or one an Orchard Core recipe brings.
public sealed class MainMenuTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/categories/sanctions")]
    [InlineData("/search?q=sanctions")]
    public async Task EveryPageShowsTheSetupRecipesMainMenuWithTheCurrentPageMarked(string path)
    {
        var page = await HtmlPage.GetAsync(site.Client, path);
        var links = page.Document.QuerySelectorAll("header nav[aria-label=Main] a").ToList();

        Assert.Equal(["Home", "About", "Sanctions", "Human rights", "Diplomacy and politics"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal(["/", "/about", "/categories/sanctions", "/categories/human-rights", "/categories/diplomacy-and-politics"], links.Select(a => a.GetAttribute("href")));
        var current = links.Where(a => a.GetAttribute("aria-current") == "page").Select(a => a.GetAttribute("href"));
        Assert.Equal(links.Any(a => a.GetAttribute("href") == path) ? [path] : [], current);
    }
}
