using System.Text.RegularExpressions;
using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// An administrator changes what content is in the dashboard, as an Orchard Core administrator would: a field added to
/// a type appears in its editor and on its public page; a page becomes the home page and back. The site of this class
/// is its own, as its tests change the site's types and home page.
public sealed partial class ContentTypesBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task ASourceUrlLinkFieldAddedToBlogPostIsFilledInOnAPostAndShownToReaders()
    {
        var (context, page) = await site.SignInAsync("admin");
        await using var _ = context;
        var post = await TestPost.PublishAsync(site.Services, "Sourced reporting", "Where the numbers come from.");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Content types" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Blog Post", Exact = true }).ClickAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("LinkField");
        await page.GetByLabel("Display name").Last.FillAsync("Source URL");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add field" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added the field “Source URL”");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-content-type-1280.png"), FullPage = true });

        await page.GotoAsync($"/admin/posts/{post.ContentItemId}");
        await page.GetByLabel("Source URL", new PageGetByLabelOptions { Exact = true }).FillAsync("https://www.un.org/securitycouncil/sanctions/1718");
        await page.GetByLabel("Source URL: text shown").FillAsync("UN 1718 Committee");
        // The post is live, so its main button updates it.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Update", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();

        await page.GotoAsync(post.Url);
        var source = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "UN 1718 Committee" });
        await Assertions.Expect(source).ToHaveAttributeAsync("href", "https://www.un.org/securitycouncil/sanctions/1718");
    }

    [Fact]
    public async Task AnEventTypeWithADateFieldIsCreatedAndAnEventPublished()
    {
        var (context, page) = await site.SignInAsync("admin");
        await using var _ = context;

        await page.GotoAsync("/admin/content-types");
        await page.GetByLabel("Display name").FillAsync("Event");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create type" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/content-types/Event$"));
        await page.GetByLabel("Kind").SelectOptionAsync("DateTimeField");
        await page.GetByLabel("Display name").Last.FillAsync("Starts at");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add field" }).ClickAsync();

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "New Event" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Sanctions briefing");
        await page.GetByLabel(new Regex("^Starts at")).FillAsync("2030-05-01T18:30");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published.");

        await page.GotoAsync("/sanctions-briefing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Sanctions briefing", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.fields time")).ToHaveAttributeAsync("datetime", "2030-05-01T18:30:00.0000000Z");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task TheAboutPageBecomesTheHomePageAndTheBlogComesBack(int width)
    {
        await using var context = await site.NewContextAsync("admin", width: width, height: 900);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/items/4aboutpage0000000000000000");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set as home page" }).ClickAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "About", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "About", Exact = true })).ToBeInViewportAsync();

        await page.GotoAsync("/admin/items/a0hxqec0qer4qqzbxv00xfy2c5");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set as home page" }).ClickAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "About", Level = 1 })).ToHaveCountAsync(0);
    }
}
