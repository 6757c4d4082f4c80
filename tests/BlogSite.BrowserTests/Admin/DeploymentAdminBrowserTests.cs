using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// An administrator signs in, checks and imports a pasted recipe, and finds the post on the site; the admin pages
/// pass axe and are saved as screenshots.
public sealed class DeploymentAdminBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task AnAdministratorImportsAPastedRecipeAfterCheckingIt()
    {
        var (context, page) = await site.SignInAsync("admin");
        await using var _ = context;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-dashboard-1280.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Import" }).ClickAsync();
        await page.GetByLabel("Or paste the recipe's JSON").FillAsync("""
            { "name": "Browser", "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "browserimport0000000000001", "ContentType": "BlogPost", "DisplayText": "Pasted in a browser", "Published": true,
                "PublishedUtc": "2016-06-03T10:00:00Z", "TitlePart": { "Title": "Pasted in a browser" }, "AutoroutePart": { "Path": "blog/pasted-in-a-browser" },
                "MarkdownBodyPart": { "Markdown": "Checked first, then imported." } } ] } ] }
            """);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check the recipe" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The recipe is valid")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-import-1280.png"), FullPage = true });
        var axe = await page.RunAxe();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Imported: 1 created")).ToBeVisibleAsync();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await page.GotoAsync("/blog/pasted-in-a-browser");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Pasted in a browser" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/login", false)]
    [InlineData("/admin", true)]
    [InlineData("/admin/deployment/export", true)]
    [InlineData("/admin/deployment/clients", true)]
    [InlineData("/admin/settings", true)]
    [InlineData("/admin/users", true)]
    [InlineData("/admin/content", true)]
    [InlineData("/admin/posts/new", true)]
    [InlineData("/admin/media", true)]
    [InlineData("/admin/taxonomies", true)]
    [InlineData("/admin/taxonomies/4tagstaxonomy0000000000000", true)]
    [InlineData("/admin/items/a0hxqec0qer4qqzbxv00xfy2c5/versions", true)]
    [InlineData("/admin/account/password", true)]
    [InlineData("/admin/account/profile", true)]
    [InlineData("/account/forgot", false)]
    [InlineData("/account/reset?user=nobody&token=none", false)]
    [InlineData("/admin/content-types", true)]
    [InlineData("/admin/content-types/BlogPost", true)]
    [InlineData("/admin/menus", true)]
    [InlineData("/admin/roles", true)]
    [InlineData("/admin/roles/Editor", true)]
    [InlineData("/admin/features", true)]
    [InlineData("/admin/themes", true)]
    [InlineData("/admin/menus/4mainmenu00000000000000000", true)]
    public async Task AdminPagesHaveNoSeriousAccessibilityProblemsInLightOrDark(string path, bool signIn)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await site.NewContextAsync(signIn ? "admin" : null, colorScheme: scheme);
            var page = await context.NewPageAsync();

            await page.GotoAsync(path);
            var results = await page.RunAxe();

            Assert.True(
                !results.Violations.Any(v => v.Impact is "serious" or "critical"),
                $"{path} in {scheme}: " + string.Join("; ", results.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
        }
    }
}
