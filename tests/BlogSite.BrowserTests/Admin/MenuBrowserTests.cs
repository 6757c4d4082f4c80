using System.Text.RegularExpressions;
using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// An administrator writes a page and adds it to the Main Menu in the dashboard; readers find it in the header of
/// every page, on a phone and on a desktop, and reach it with the keyboard. The site is this class's own, as its test
/// changes the main menu.
public sealed class MenuBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task APageWrittenAndAddedToTheMainMenuIsInTheHeaderOfEveryPageAtPhoneAndDesktopWidths()
    {
        var (context, page) = await site.SignInAsync("admin");
        await using var _ = context;
        var post = await TestPost.PublishAsync(site.Services, "Menus and readers", "A post to look at the header from.");

        await page.GotoAsync("/admin/items/new?type=Page");
        await page.GetByLabel("Title").FillAsync("Contact");
        await page.GetByLabel("Body (Markdown)").FillAsync("Write to the editors at **desk@example.org**.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published.");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Menus", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Main Menu" }).ClickAsync();
        var add = page.Locator("form", new PageLocatorOptions { Has = page.GetByRole(AriaRole.Button, new() { Name = "Add item" }) });
        await add.GetByLabel("Text").FillAsync("Contact");
        await add.GetByLabel("A page of this site").CheckAsync();
        await add.GetByLabel("Path of the page").FillAsync("/contact");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added “Contact”.");
        var row = page.Locator("[data-menu-item='Contact']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move Contact up" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-menu-item]").Nth(4)).ToHaveAttributeAsync("data-menu-item", "Contact");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-menu-1280.png"), FullPage = true });

        foreach (var width in new[] { 390, 1280 })
        {
            await using var readerContext = await site.NewContextAsync(null, width: width, height: 800);
            var reader = await readerContext.NewPageAsync();
            foreach (var path in new[] { "/", post.Url, "/about", "/categories/sanctions" })
            {
                await reader.GotoAsync(path);
                var link = reader.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Contact", Exact = true });
                await Assertions.Expect(link).ToBeInViewportAsync();
                await Assertions.Expect(link).ToHaveAttributeAsync("href", "/contact");
            }

            await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, $"main-menu-{width}.png") });
            var contact = reader.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Contact", Exact = true });
            await contact.FocusAsync();
            await reader.Keyboard.PressAsync("Enter");
            await Assertions.Expect(reader).ToHaveURLAsync(new Regex("/contact$"));
            await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Contact", Level = 1 })).ToBeVisibleAsync();
        }
    }
}
