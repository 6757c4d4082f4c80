using System.Net;
using System.Security.Claims;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Users;
using BlogSite.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// Roles in the admin (/admin/roles): each role's permissions, grouped by the module that declares them, take effect
/// at once; Anonymous's permissions decide whether the public site is public at all.
public sealed class RolesAdminTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task TakingPublishContentFromEditorStopsEditorsPublishingAndGivingItBackRestoresIt()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var editor = await AdminSite.SignedInAsync(site, "Editor");
        var held = (await HtmlPage.GetAsync(admin, "/admin/roles/Editor")).Document.QuerySelectorAll("input[name=Permissions][checked]")
            .Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains("PublishContent", held);

        using var taken = await AdminSite.PostFormAsync(admin, "/admin/roles/Editor", "", new() { ["Description"] = "Editor" },
            [.. held.Where(p => p != "PublishContent").Select(p => ("Permissions", p))]);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        using var refused = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Not for now").Set("Markdown", "Words.").PostAsync("Publish");
        Assert.Contains("but not publish it", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var given = await AdminSite.PostFormAsync(admin, "/admin/roles/Editor", "", new() { ["Description"] = "Editor" },
            [.. held.Select(p => ("Permissions", p))]);
        using var published = await (await PostEditorForm.OpenAsync(editor)).Set("Title", "Now it goes").Set("Markdown", "Words.").PostAsync("Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task ARoleIsCreatedWithItsStereotypesDefaultsAndDeletedButTheSitesOwnRolesStay()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var deleted = await AdminSite.PostFormAsync(admin, "/admin/roles?name=Moderator", "Delete", new());
        Assert.DoesNotContain(">Moderator<", await admin.GetStringAsync("/admin/roles"), StringComparison.Ordinal);
        using var created = await AdminSite.PostFormAsync(admin, "/admin/roles", "Create", new() { ["NewName"] = "Moderator", ["NewDescription"] = "Keeps order" });
        using var taken = await AdminSite.PostFormAsync(admin, "/admin/roles", "Create", new() { ["NewName"] = "Moderator" });
        var page = await HtmlPage.GetAsync(admin, "/admin/roles/Moderator");
        using var deleteAnonymous = await AdminSite.PostFormAsync(admin, "/admin/roles?name=Anonymous", "Delete", new());

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/roles/Moderator", created.Headers.Location?.OriginalString);
        Assert.Contains("already a role named", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["AccessAdminPanel"], page.Document.QuerySelectorAll("input[name=Permissions][checked]").Select(i => i.GetAttribute("value")));
        Assert.Contains("cannot be deleted", await deleteAnonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoleHoldingTheOldTaxonomyPermissionNameStillManagesTaxonomies()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>();
            var role = new CmsRole { Name = "Tagger" };
            Assert.True((await roles.CreateAsync(role)).Succeeded);
            await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, "AccessAdminPanel"));
            await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, "ManageTaxonomies"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = "tagger", Email = "tagger@example.org" };
            Assert.True((await users.CreateAsync(user, AdminSite.Password)).Succeeded);
            await users.AddToRoleAsync(user, "Tagger");
        }

        using var client = site.NewClient();
        using var signIn = await AdminSite.SignInAsync(client, "tagger", AdminSite.Password);
        using var taxonomies = await client.GetAsync("/admin/taxonomies");

        Assert.Equal(HttpStatusCode.OK, taxonomies.StatusCode);

        // At the next start the old name is stored as Orchard Core's, so an export carries a name it reads.
        await using var restart = site.Factory.Services.CreateAsyncScope();
        await restart.ServiceProvider.GetRequiredService<SystemRoles>().EnsureAsync();
        var stored = await restart.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>()
            .GetClaimsAsync((await restart.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>().FindByNameAsync("Tagger"))!);
        Assert.Equal(["AccessAdminPanel", "ManageTaxonomy"], stored.Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutViewContentForAnonymousTheSiteAsksVisitorsToSignIn()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();
        var held = (await HtmlPage.GetAsync(admin, "/admin/roles/Anonymous")).Document.QuerySelectorAll("input[name=Permissions][checked]")
            .Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);

        using var taken = await AdminSite.PostFormAsync(admin, "/admin/roles/Anonymous", "", new() { ["Description"] = "Anonymous" },
            [.. held.Where(p => p != "ViewContent").Select(p => ("Permissions", p))]);
        using var home = await reader.GetAsync("/");
        using var feed = await reader.GetAsync("/rss");
        using var login = await reader.GetAsync("/login");
        using var signedIn = await admin.GetAsync("/");

        using var given = await AdminSite.PostFormAsync(admin, "/admin/roles/Anonymous", "", new() { ["Description"] = "Anonymous" },
            [.. held.Select(p => ("Permissions", p))]);
        Assert.StartsWith("/login", home.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/login", feed.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task OnAPrivateSiteViewOwnContentShowsAUserTheirOwnPagesOnly()
    {
        string readerId;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>();
            var role = new CmsRole { Name = "OwnPagesOnly" };
            Assert.True((await roles.CreateAsync(role)).Succeeded);
            await roles.AddClaimAsync(role, new Claim(CmsRole.PermissionClaimType, "ViewOwnContent"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = "owner", Email = "owner@example.org" };
            Assert.True((await users.CreateAsync(user, AdminSite.Password)).Succeeded);
            await users.AddToRoleAsync(user, "OwnPagesOnly");
            readerId = user.Id;
        }

        await RecipeRunner.RunAsync(site.Factory.Services, $$"""
            { "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "4ownpage000000000000000000", "ContentType": "Page", "DisplayText": "Mine", "Latest": true, "Published": true,
                "Owner": "{{readerId}}", "TitlePart": { "Title": "Mine" }, "AutoroutePart": { "Path": "mine" }, "MarkdownBodyPart": { "Markdown": "My own page." } } ] } ] }
            """);
        var keep = new Dictionary<string, IReadOnlySet<string>>();
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var permissions = scope.ServiceProvider.GetRequiredService<RolePermissions>();
            foreach (var name in new[] { "Anonymous", "Authenticated" })
            {
                keep[name] = await permissions.OfAsync(name);
                await scope.ServiceProvider.GetRequiredService<RoleEditor>().SetAsync(name, name, [.. keep[name].Where(p => p != "ViewContent")]);
            }
        }

        using var owner = site.NewClient();
        using var signIn = await AdminSite.SignInAsync(owner, "owner", AdminSite.Password);
        using var mine = await owner.GetAsync("/mine");
        using var about = await owner.GetAsync("/about");

        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            foreach (var (name, held) in keep)
            {
                await scope.ServiceProvider.GetRequiredService<RoleEditor>().SetAsync(name, name, [.. held]);
            }
        }

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.StartsWith("/admin/denied", about.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    public async Task OnlyThoseAllowedToManageRolesChangeThem(string role)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        using var list = await client.GetAsync("/admin/roles");
        using var change = await client.PostAsync("/admin/roles/Contributor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Permissions"] = "PublishContent", ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin"),
        }));

        Assert.StartsWith("/admin/denied", list.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", change.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("PublishContent", await site.PermissionsOfAsync("Contributor"));
    }
}
