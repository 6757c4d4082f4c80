using System.Net;
using System.Text.Json;
using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Deployment;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.IntegrationTests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Hardening;

/// Recipes written to reach the host or take the site over, pushed with a deployment key (content scope only) and
/// checked on the Import page: each is refused with the step and JSON path of what was refused, and nothing of the
/// recipe is written, not even its harmless post.
public sealed class HostileRecipeTests(AdminSite site) : IClassFixture<AdminSite>
{
    private static string RecipeWith(string slug, string title, string extraStep = "") => $$"""
        { "name": "Hostile", "steps": [
          { "name": "content", "Data": [
            { "ContentItemId": "{{slug.Replace("-", "", StringComparison.Ordinal).PadRight(26, '0')[..26]}}", "ContentType": "BlogPost", "DisplayText": "x", "Published": true,
              "PublishedUtc": "2016-06-02T10:00:00Z", "TitlePart": { "Title": "{{title}}" }, "AutoroutePart": { "Path": "blog/{{slug}}" },
              "MarkdownBodyPart": { "Markdown": "Harmless on its own." } } ] }{{extraStep}} ] }
        """;

    private const string AdministratorStep = """
        , { "name": "Users", "Users": [ { "UserName": "intruder", "Email": "intruder@example.org", "Password": "Intruder-password-1", "RoleNames": [ "Administrator" ] } ] }
        """;

    public static TheoryData<string, string, string> Hostile => new()
    {
        { RecipeWith("secret-title", "[js: configuration('BlogSite:Setup:AdminPassword')]"), "$.steps[0].Data[0].TitlePart.Title", "is not readable by recipes" },
        { RecipeWith("connection-title", "[js: configuration('BlogSite:Database:ConnectionString')]"), "$.steps[0].Data[0].TitlePart.Title", "is not readable by recipes" },
        { RecipeWith("passwd-title", "[file: text('/etc/passwd')]"), "$.steps[0].Data[0].TitlePart.Title", "not a path inside the recipe's folder" },
        { RecipeWith("dotdot-title", "[file: text('../../../../../../etc/passwd')]"), "$.steps[0].Data[0].TitlePart.Title", "leads out of the recipe's folder" },
        { RecipeWith("new-administrator", "Brings an administrator", AdministratorStep), "$.steps[1].name", "needs the 'users' scope, which the API client 'hostile-tests' does not have" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task APushWithAContentKeyIsRefusedAndWritesNothing(string recipe, string path, string message)
    {
        string key;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<ApiClientStore>().CreateAsync("hostile-tests");
        }

        using var pusher = site.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployment/import") { Content = new StringContent(recipe) };
        request.Headers.Add(RemoteDeploymentEndpoints.ClientHeader, "hostile-tests");
        request.Headers.Add(RemoteDeploymentEndpoints.KeyHeader, key);
        using var response = await pusher.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var result = JsonDocument.Parse(body);
        var errors = result.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("jsonPath").GetString() == path && e.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSitePassword, body, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task TheImportPageRefusesSecretConfigurationBeforeAnythingIsWritten()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var response = await AdminSite.PostFormAsync(admin, "/admin/deployment/import", "Validate", new()
        {
            ["json"] = RecipeWith("import-page-secret", "[js: configuration('BlogSite:Setup:AdminPassword')]"),
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("configuration(&#x27;BlogSite:Setup:AdminPassword&#x27;) is not readable by recipes", page, StringComparison.Ordinal);
        Assert.Contains("$.steps[0].Data[0].TitlePart.Title", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSitePassword, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AdministratorStep, "$.steps[1].name", "needs the 'users' scope, which your account (importer) does not have")]
    [InlineData(""", { "name": "settings", "BaseUrl": "https://evil.example" }""", "$.steps[1].BaseUrl", "sets 'BaseUrl', which affects the site's security: it needs the 'settings' scope, which your account (importer) does not have")]
    public async Task AnImporterWithoutThePermissionCannotRunAStepThatChangesWhoCanDoWhat(string step, string path, string message)
    {
        using var importer = await ImporterAsync();

        using var checkedPage = await AdminSite.PostFormAsync(importer, "/admin/deployment/import", "Validate", new() { ["json"] = RecipeWith("importer-refused", "x", step) });
        var page = System.Net.WebUtility.HtmlDecode(await checkedPage.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, checkedPage.StatusCode);
        Assert.Contains(path, page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", page, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    /// Signed in as a user whose only role may import recipes, and nothing else of the admin's.
    private async Task<HttpClient> ImporterAsync()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
            await executor.RunAsync(RecipeReader.Parse("""
                { "name": "Importer", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Importer", "Permissions": [ "AccessAdminPanel", "Import" ] } ] } ] }
                """, AppContext.BaseDirectory), RecipeTrust.Operator);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            if (await users.FindByNameAsync("importer") is null)
            {
                var user = new CmsUser { UserName = "importer", Email = "importer@example.org" };
                Assert.True((await users.CreateAsync(user, AdminSite.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, "Importer")).Succeeded);
            }
        }

        var client = site.NewClient();
        using var signedIn = await AdminSite.SignInAsync(client, "importer", AdminSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static string TestSitePassword => AdminSite.Password;

    private async Task AssertNothingWrittenAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "intruder"), "the recipe's administrator was not created");
        Assert.False(await db.ContentItems.AnyAsync(i => i.DisplayText == "x"), "the recipe's post was not written");
    }
}
