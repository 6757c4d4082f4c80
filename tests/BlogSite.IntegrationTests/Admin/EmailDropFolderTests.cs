using System.Net;
using BlogSite.Testing;
using MimeKit;

namespace BlogSite.IntegrationTests.Admin;

/// A site with no SMTP server configured (a fresh clone's default) still invites people: the message is written to
/// the drop folder, and the admin says e-mail is not set up.
public sealed class EmailDropFolderTests(NoMailServerSite site) : IClassFixture<NoMailServerSite>
{
    [Fact]
    public async Task AnInvitationIsWrittenToTheDropFolderAndTheAdminSaysEmailIsNotSetUp()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var page = await HtmlPage.GetAsync(admin, "/admin/users");
        var email = TestMailbox.NewAddress("dropped");

        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = "dropped", ["Input.Email"] = email, ["Input.Role"] = "Author",
            ["__RequestVerificationToken"] = await AdminSite.TokenAsync(admin, "/admin/users"),
        };
        using var response = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(fields));
        var written = Directory.GetFiles(site.MailDropFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail is not set up", page.Document.QuerySelector("main .message.warn")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(site.MailDropFolder, page.Document.QuerySelector("main .message.warn code")?.TextContent, StringComparison.Ordinal);
        var message = Assert.Single(written);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("/account/accept?user=", message.TextBody, StringComparison.Ordinal);
        Assert.Empty(TestMailbox.To(email));
    }
}

/// A mail server that cannot be reached: the administrator is told, in words, and nothing is half done.
public sealed class UnreachableMailServerTests(UnreachableMailServerSite site) : IClassFixture<UnreachableMailServerSite>
{
    [Fact]
    public async Task AnInvitationThatCannotBeSentSaysWhyAndCanBeSentAgainLater()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = "unreached", ["Input.Email"] = TestMailbox.NewAddress("unreached"), ["Input.Role"] = "Author",
            ["__RequestVerificationToken"] = await AdminSite.TokenAsync(admin, "/admin/users"),
        };

        using var response = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(fields));
        var page = await HtmlPage.GetAsync(admin, "/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("unreached is created, but the invitation was not sent.", html, StringComparison.Ordinal);
        Assert.Contains($"The mail server 127.0.0.1:{site.ClosedPort} (BlogSite:Email) could not take the message", html, StringComparison.Ordinal);
        Assert.Contains("Invited", page.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("unreached", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        // A server is configured, so the page does not claim e-mail is off.
        Assert.Null(page.Document.QuerySelector("main .message.warn"));
    }
}

public sealed class UnreachableMailServerSite : AdminSite
{
    public UnreachableMailServerSite()
    {
        // A port that was free a moment ago and that nothing listens on: the connection is refused at once.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        ClosedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        ExtraSettings = new Dictionary<string, string?> { ["BlogSite:Email:Port"] = ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public int ClosedPort { get; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; }
}

public sealed class NoMailServerSite : AdminSite
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["BlogSite:Email:Host"] = "" };
}
