using System.Net;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Admin;

/// Invitations, forgotten passwords and address changes, sent through the real local SMTP server and followed from
/// the messages it received. The site's clock is a fake one, so links can be shown to expire without waiting.
public sealed class AccountLinkTests(FakeClockSite site) : IClassFixture<FakeClockSite>
{
    private const string NewPassword = "Chosen-by-me-77!";

    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, page);
        using var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    /// Invites a user with a fresh address as the administrator; returns the user name, the address and the link.
    private async Task<(string UserName, string Email, string Link)> InviteAsync(string role = "Author")
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var email = TestMailbox.NewAddress("invitee");
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        var (status, html, _) = await PostAsync(admin, "/admin/users", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "Kim Invitee", ["Input.Email"] = email, ["Input.Role"] = role,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Invited {userName}", html, StringComparison.Ordinal);
        var message = TestMailbox.SingleTo(email);
        Assert.Contains("invited", message.Subject, StringComparison.OrdinalIgnoreCase);
        return (userName, email, TestMailbox.LinkIn(message));
    }

    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)> ChoosePasswordAsync(HttpClient client, string link, string password)
    {
        var page = await HtmlPage.GetAsync(client, link);
        var form = page.Document.QuerySelector("main form");
        if (form is null)
        {
            return (page.Status, page.Html, null);
        }

        return await PostAsync(client, link, new()
        {
            ["user"] = form.QuerySelector("input[name=user]")!.GetAttribute("value")!,
            ["token"] = form.QuerySelector("input[name=token]")!.GetAttribute("value")!,
            ["Password"] = password, ["ConfirmPassword"] = password,
        });
    }

    [Fact]
    public async Task AnInviteeChoosesTheirOwnPasswordOnceAndIsSignedInWithTheRoleGiven()
    {
        var (userName, _, link) = await InviteAsync();
        using var invitee = site.NewClient();

        var (status, _, location) = await ChoosePasswordAsync(invitee, link, NewPassword);
        var dashboard = await invitee.GetAsync("/admin");
        using var again = site.NewClient();
        var (_, second, _) = await ChoosePasswordAsync(again, link, "Another-try-88!");
        using var later = site.NewClient();
        using var signIn = await AdminSite.SignInAsync(later, userName, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/admin", location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("This link has expired, was already used", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // An Author may write but not manage users.
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/admin/posts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task TheNewUserFormOffersTheLeastPrivilegedRoleAndNoPasswordField()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        var page = await HtmlPage.GetAsync(admin, "/admin/users");

        // The recipe's Moderator holds two permissions (Contributor five, Administrator every one).
        Assert.Equal("Moderator", page.Document.QuerySelector("select[name='Input.Role'] option[selected]")?.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task ForgotPasswordAnswersAlikeForEveryAddressAndItsLinkWorksOnce()
    {
        var (userName, email, invitation) = await InviteAsync();
        using (var invitee = site.NewClient())
        {
            await ChoosePasswordAsync(invitee, invitation, NewPassword);
        }

        using var anonymous = site.NewClient();
        var unknownAddress = TestMailbox.NewAddress("nobody");
        var (_, unknown, _) = await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = unknownAddress });
        var (_, known, _) = await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = email });
        var reset = await TestMailbox.ArrivingAsync(email, already: 1);
        var (status, _, _) = await ChoosePasswordAsync(anonymous, TestMailbox.LinkIn(reset), "Reset-by-me-99!");
        using var other = site.NewClient();
        var (_, reused, _) = await ChoosePasswordAsync(other, TestMailbox.LinkIn(reset), "Reset-again-99!");
        using var oldPassword = await AdminSite.SignInAsync(site.NewClient(), userName, NewPassword);
        using var newPassword = await AdminSite.SignInAsync(site.NewClient(), userName, "Reset-by-me-99!");

        Assert.Contains(Web.ForgotSentMessage, unknown, StringComparison.Ordinal);
        Assert.Contains(Web.ForgotSentMessage, known, StringComparison.Ordinal);
        // The unknown address was asked for first; its request has been handled once the known one's message is here.
        Assert.Empty(TestMailbox.To(unknownAddress));
        Assert.Contains("new password", reset.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("This link has expired, was already used", reused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task LinksExpireAndAreRefusedOnceThePasswordChangedAnotherWay()
    {
        var (userName, email, invitation) = await InviteAsync();
        site.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var late = site.NewClient();
        var (_, expired, _) = await ChoosePasswordAsync(late, invitation, NewPassword);

        // An administrator sends the invitation again; this one is used in time.
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var userPage = (await HtmlPage.GetAsync(admin, "/admin/users")).Document.QuerySelectorAll("a")
            .Single(a => a.TextContent == userName).GetAttribute("href")!;
        await PostAsync(admin, $"{userPage}?handler=SendLink", []);
        using var invitee = await FollowAsync(TestMailbox.LastTo(email), NewPassword);

        // A reset link asked for, then the password changed from the profile: the link no longer works.
        using var anonymous = site.NewClient();
        await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = email });
        var resetLink = TestMailbox.LinkIn(await TestMailbox.ArrivingAsync(email, already: 2));
        await PostAsync(invitee, "/admin/account/password", new()
        {
            ["Input.CurrentPassword"] = NewPassword, ["Input.NewPassword"] = "Changed-meanwhile-5!", ["Input.ConfirmPassword"] = "Changed-meanwhile-5!",
        });
        var (_, afterChange, _) = await ChoosePasswordAsync(site.NewClient(), resetLink, "Attacker-choice-1!");

        // A fresh reset link dies after two hours.
        await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = email });
        var slowLink = TestMailbox.LinkIn(await TestMailbox.ArrivingAsync(email, already: 3));
        site.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var (_, tooLate, _) = await ChoosePasswordAsync(site.NewClient(), slowLink, "Too-late-now-3!");

        Assert.Contains("This link has expired, was already used", expired, StringComparison.Ordinal);
        Assert.Contains("This link has expired, was already used", afterChange, StringComparison.Ordinal);
        Assert.Contains("This link has expired, was already used", tooLate, StringComparison.Ordinal);
        using var signIn = await AdminSite.SignInAsync(site.NewClient(), userName, "Changed-meanwhile-5!");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ANewAddressIsUsedOnlyOnceTheLinkSentToItIsFollowed()
    {
        var (userName, email, invitation) = await InviteAsync();
        using var user = site.NewClient();
        await ChoosePasswordAsync(user, invitation, NewPassword);
        var newEmail = TestMailbox.NewAddress("moved");

        var (_, saved, _) = await PostAsync(user, "/admin/account/profile", new()
        {
            ["Input.DisplayName"] = "Kim Moved", ["Input.Bio"] = "Writes about sanctions.", ["Input.Email"] = newEmail, ["Input.CurrentPassword"] = NewPassword,
        });
        var (_, noPassword, _) = await PostAsync(user, "/admin/account/profile", new()
        {
            ["Input.DisplayName"] = "Kim Moved", ["Input.Email"] = TestMailbox.NewAddress("stolen-session"),
        });
        var stillOld = await HtmlPage.GetAsync(user, "/admin/account/profile");
        var link = TestMailbox.LinkIn(TestMailbox.SingleTo(newEmail));
        var confirmPage = await HtmlPage.GetAsync(user, link);
        var form = confirmPage.Document.QuerySelector("main form")!;
        var (_, confirmed, _) = await PostAsync(user, link, new()
        {
            ["user"] = form.QuerySelector("input[name=user]")!.GetAttribute("value")!,
            ["token"] = form.QuerySelector("input[name=token]")!.GetAttribute("value")!,
        });
        var profile = await HtmlPage.GetAsync(user, "/admin/account/profile");

        Assert.Contains($"once you follow the link we sent there", saved, StringComparison.Ordinal);
        Assert.Contains("Enter your current password to change your address.", noPassword, StringComparison.Ordinal);
        // The address being left hears of the change (after its invitation).
        Assert.Contains("is changing", TestMailbox.LastTo(email).Subject, StringComparison.Ordinal);
        Assert.Equal(email, stillOld.Document.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.Equal("Kim Moved", stillOld.Document.QuerySelector("input[name='Input.DisplayName']")?.GetAttribute("value"));
        Assert.Contains($"Your address is now {newEmail}", confirmed, StringComparison.Ordinal);
        Assert.Equal(newEmail, profile.Document.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.Equal(userName, profile.Document.QuerySelector("main strong")?.TextContent);
    }

    [Fact]
    public async Task AResetAskedForUnderAnotherHostSendsNothingAndAskingAgainSoonSendsNoSecondLink()
    {
        var (_, email, invitation) = await InviteAsync();
        var (_, other, otherInvitation) = await InviteAsync();
        using (var invitee = site.NewClient())
        {
            await ChoosePasswordAsync(invitee, invitation, NewPassword);
            await ChoosePasswordAsync(site.NewClient(), otherInvitation, NewPassword);
        }

        using var attacker = site.NewClient();
        attacker.DefaultRequestHeaders.Host = "evil.example";
        using var anonymous = site.NewClient();
        await PostAsync(attacker, "/account/forgot", new() { ["Email"] = email });
        await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = email });
        var sent = await TestMailbox.ArrivingAsync(email, already: 1);
        await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = email });
        // Requests are handled in order: once the other address's message is here, the third request was handled too.
        await PostAsync(anonymous, "/account/forgot", new() { ["Email"] = other });
        await TestMailbox.ArrivingAsync(other, already: 1);

        Assert.Equal("localhost", new Uri(Assert.Single(System.Text.RegularExpressions.Regex.Matches(sent.TextBody ?? "", @"https?://\S+")).Value).Host);
        Assert.Equal(2, TestMailbox.To(email).Count);
    }

    private async Task<HttpClient> FollowAsync(MimeKit.MimeMessage message, string password)
    {
        var client = site.NewClient();
        var (status, _, _) = await ChoosePasswordAsync(client, TestMailbox.LinkIn(message), password);
        Assert.Equal(HttpStatusCode.Redirect, status);
        return client;
    }

    private static class Web
    {
        public const string ForgotSentMessage = "If an account uses this address, a message with a link to choose a new password is on its way.";
    }
}
