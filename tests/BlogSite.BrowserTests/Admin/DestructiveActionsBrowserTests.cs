using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// Deleting in the admin asks first, and "Cancel" leaves everything as it was.
public sealed class DestructiveActionsBrowserTests(EditorBrowserFixture site) : IClassFixture<EditorBrowserFixture>
{
    private const string TagsTaxonomy = "/admin/taxonomies/4tagstaxonomy0000000000000";

    [Fact]
    public async Task DeletingATagAsksFirstAndCancellingKeepsIt()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync(TagsTaxonomy);
        var add = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Add a term" });
        await add.GetByLabel("Name", new LocatorGetByLabelOptions { Exact = true }).FillAsync("Ceasefire talks");
        await add.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Add term" }).ClickAsync();
        var delete = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete Ceasefire talks" });
        await Assertions.Expect(delete).ToBeVisibleAsync();

        var questions = new List<string>();
        var accept = false;
        page.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        };

        await delete.ClickAsync();
        await page.ReloadAsync();
        await Assertions.Expect(delete).ToBeVisibleAsync();
        Assert.Equal(["Delete “Ceasefire talks”? 0 published posts lose it; its address leads to the taxonomy from now on."], questions);

        accept = true;
        await delete.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted the term");
        await Assertions.Expect(delete).ToHaveCountAsync(0);
        Assert.Equal(2, questions.Count);
    }

    [Fact]
    public async Task DeletingAPostFromTheEditorAsksFirstAndCancellingKeepsIt()
    {
        var (context, page) = await site.SignInAsync("editor");
        await using var _ = context;
        await page.GotoAsync("/admin/posts/new");
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("A post almost deleted");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();
        // The server's answer, not an autosave's address change, so nothing is on its way when Delete is pressed.
        await Assertions.Expect(page.GetByText("Draft saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/posts/[0-9a-z]{26}$"));
        var editorUrl = page.Url;

        var asked = 0;
        page.Dialog += (_, dialog) =>
        {
            asked++;
            _ = dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete", Exact = true }).ClickAsync();

        await page.GotoAsync("/admin/content?search=almost+deleted");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "A post almost deleted" })).ToBeVisibleAsync();
        Assert.Equal(1, asked);
        Assert.EndsWith(editorUrl.Split('/')[^1], await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "A post almost deleted" }).GetAttributeAsync("href"), StringComparison.Ordinal);
    }
}
