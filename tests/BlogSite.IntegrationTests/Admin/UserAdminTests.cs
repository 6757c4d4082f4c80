using System.Net;
using System.Text.RegularExpressions;

namespace BlogSite.IntegrationTests.Admin;

public sealed partial class UserAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static async Task<string> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, page);
        using var response = await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> UserPageAsync(HttpClient client, string userName)
    {
        var list = await client.GetStringAsync("/admin/users");
        return UserLink().Matches(list).Single(m => m.Groups["name"].Value == userName).Groups["href"].Value;
    }

    [Fact]
    public async Task MistakesInTheNewUserFormAreExplainedByTheirFields()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        var page = await PostAsync(admin, "/admin/users", null, new()
        {
            ["Input.UserName"] = "", ["Input.Email"] = "not-an-email", ["Input.Role"] = "Pirate",
        });

        Assert.Contains("Give the user a name to sign in with.", page, StringComparison.Ordinal);
        Assert.Contains("This is not an e-mail address.", page, StringComparison.Ordinal);
        Assert.Contains("Choose a role from the list.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledUserCannotSignInAndAResetPasswordWorks()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        var editorPage = await UserPageAsync(admin, "editor");

        var disabled = await PostAsync(admin, editorPage, "Access", new() { ["roles"] = "Editor" });
        using var blocked = site.NewClient();
        using var refused = await AdminSite.SignInAsync(blocked, "editor", AdminSite.Password);

        Assert.Contains("Saved.", disabled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        await PostAsync(admin, editorPage, "Access", new() { ["roles"] = "Editor", ["enabled"] = "true" });
        var reset = await PostAsync(admin, editorPage, "Password", new() { ["password"] = "Reset-by-admin-5!" });
        using var back = site.NewClient();
        using var signIn = await AdminSite.SignInAsync(back, "editor", "Reset-by-admin-5!");

        Assert.Contains("The password is set", reset, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [GeneratedRegex("<a href=\"(?<href>/admin/users/[^\"]+)\">(?<name>[^<]+)</a>")]
    private static partial Regex UserLink();
}
