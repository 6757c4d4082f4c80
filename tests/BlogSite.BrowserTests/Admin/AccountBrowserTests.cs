using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.Admin;

/// People join and come back by e-mail, through the real local SMTP server: an administrator invites an Author, who
/// accepts from the message, chooses a password, writes, publishes and has an author page; a forgotten password is
/// replaced through a link that works once.
public sealed class AccountBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    private static async Task InviteAsync(IPage admin, string userName, string email, string role, string? displayName = null)
    {
        await admin.GotoAsync("/admin/users");
        await Field(admin, "User name").FillAsync(userName);
        if (displayName is not null)
        {
            await Field(admin, "Display name (optional)").FillAsync(displayName);
        }

        await Field(admin, "E-mail").FillAsync(email);
        await Field(admin, "Role").SelectOptionAsync(role);
        await Button(admin, "Send invitation").ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Invited {userName}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnInvitedAuthorAcceptsFromTheMessageWritesAndPublishesAndHasAnAuthorPage()
    {
        var (adminContext, admin) = await site.SignInAsync("admin");
        await using var _ = adminContext;
        var email = TestMailbox.NewAddress("hana");

        await InviteAsync(admin, "hana.lee", email, "Author", "Hana Lee");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "hana.lee" })).ToContainTextAsync("Invited");

        await using var hanaContext = await site.NewContextAsync();
        var hana = await hanaContext.NewPageAsync();
        await hana.GotoAsync(TestMailbox.LinkIn(TestMailbox.SingleTo(email)));
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "Welcome: choose your password" })).ToBeVisibleAsync();
        await Field(hana, "New password").FillAsync("Hana-writes-2026!");
        await Field(hana, "Repeat the password").FillAsync("Hana-writes-2026!");
        await Button(hana, "Set my password and start").ClickAsync();
        await hana.WaitForURLAsync("**/admin");

        await hana.GotoAsync("/admin/posts/new");
        await Field(hana, "Title").FillAsync("Hana's first dispatch");
        await Field(hana, "Body (Markdown)").FillAsync("Written by someone who was invited by e-mail.");
        await Button(hana, "Publish").ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published." })).ToBeVisibleAsync();

        await using var readerContext = await site.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/blog/hanas-first-dispatch");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Hana Lee", Exact = true }).ClickAsync();
        await reader.WaitForURLAsync("**/authors/hana.lee");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Hana Lee", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Hana's first dispatch" })).ToBeVisibleAsync();
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "author-page-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task ForgotPasswordDeliversALinkThatWorksOnce()
    {
        var email = TestMailbox.NewAddress("forgetful");
        var (adminContext, admin) = await site.SignInAsync("admin");
        await using (adminContext)
        {
            await InviteAsync(admin, "forgetful", email, "Contributor");
        }

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Field(page, "E-mail address").FillAsync(email);
        await Button(page, "Send the link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses this address");

        var link = TestMailbox.LinkIn(await TestMailbox.ArrivingAsync(email, already: 1));
        await page.GotoAsync(link);
        await Field(page, "New password").FillAsync("Remembered-now-31!");
        await Field(page, "Repeat the password").FillAsync("Remembered-now-31!");
        await Button(page, "Set the new password").ClickAsync();
        await page.WaitForURLAsync("**/admin");

        await using var laterContext = await site.NewContextAsync();
        var later = await laterContext.NewPageAsync();
        await later.GotoAsync(link);
        await Assertions.Expect(later.GetByRole(AriaRole.Alert)).ToContainTextAsync("This link has expired, was already used");
    }
}
