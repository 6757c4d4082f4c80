using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// An administrator changes what a role may do on the roles page; the role's users feel it at once. The site is this
/// class's own, as its test changes the Editor role.
public sealed class RolesBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task TakingPublishContentFromEditorsLeavesAnEditorOnlyDrafts()
    {
        var (adminContext, admin) = await site.SignInAsync("admin");
        var (editorContext, editor) = await site.SignInAsync("editor");
        await using var _ = adminContext;
        await using var __ = editorContext;

        await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Roles", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Editor", Exact = true }).ClickAsync();
        var publish = admin.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "Publish and unpublish any content" });
        await Assertions.Expect(publish).ToBeCheckedAsync();
        await publish.UncheckAsync();
        await admin.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "Publish and unpublish own content" }).UncheckAsync();
        await admin.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save permissions" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the permissions of “Editor”.");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "admin-role-1280.png"), FullPage = true });

        await editor.GotoAsync("/admin/posts/new");
        await editor.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Held for review");
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review", Exact = true })).ToBeVisibleAsync();
    }
}
