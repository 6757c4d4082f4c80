using System.Net;
using BlogSite.Cms.Admin.Security;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// A site set up from a recipe whose Roles step is Orchard Core's Blog recipe's, as written there: every role with an
/// empty "Permissions" list. Each gets its stereotype's defaults, so each can use what Orchard Core lets it use.
public sealed class OrchardRolesTests(OrchardRolesTests.Site site) : IClassFixture<OrchardRolesTests.Site>
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        var allowed = new Dictionary<string, string[]>
        {
            ["/admin"] = ["Editor", "Author", "Contributor"],
            ["/admin/content"] = ["Editor", "Author", "Contributor"],
            ["/admin/posts/new"] = ["Editor", "Author", "Contributor"],
            ["/admin/taxonomies"] = ["Editor"],
            ["/admin/media"] = ["Editor", "Author", "Contributor"],
            ["/admin/users"] = [],
            ["/admin/roles"] = [],
            ["/admin/settings"] = [],
        };
        foreach (var (page, roles) in allowed)
        {
            foreach (var role in new[] { "Editor", "Author", "Contributor" })
            {
                data.Add(page, role, roles.Contains(role));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleOfOrchardCoresBlogRecipeUsesTheAdminPagesItsDefaultsAllow(string page, string role, bool allowed)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        await AdminSite.AssertReachesAsync(client, page, allowed);
    }

    [Fact]
    public async Task VisitorsReadTheSiteThroughTheAnonymousRolesDefaults()
    {
        using var reader = site.NewClient();

        using var home = await reader.GetAsync("/search?q=policy");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task ARecipeNamingTheRolesAgainWithEmptyListsChangesNoneAndSaysSo()
    {
        var before = await site.PermissionsOfAsync("Editor");

        var report = await RecipeRunner.RunAsync(site.Factory.Services, """
            { "steps": [ { "name": "Roles", "Roles": [
              { "Name": "Editor", "Description": "Editor", "Permissions": [] },
              { "Name": "Author", "Description": "Author", "Permissions": [] } ] } ] }
            """);

        Assert.Equal(before, await site.PermissionsOfAsync("Editor"));
        Assert.Contains("ManageTaxonomy", before);
        Assert.Equal(2, report.Warnings.Count(w => w.Message.Contains("leaves its permissions as they are", StringComparison.Ordinal)));
    }

    /// The site of this class: set up from a recipe with Orchard Core's Blog roles step.
    public sealed class Site : AdminSite
    {
        private static readonly string RecipeFile = WriteRecipe();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["BlogSite:Setup:Recipe"] = RecipeFile,
        };

        private static string WriteRecipe()
        {
            // Beside the test assembly, not in the temporary folder: written once per run and never left behind.
            var path = Path.Combine(AppContext.BaseDirectory, "orchard-roles.recipe.json");
            var roles = string.Join(",", new[] { "Administrator", "Moderator", "Editor", "Author", "Contributor", "Authenticated", "Anonymous" }
                .Select(r => $$"""{ "Name": "{{r}}", "Description": "{{r}}", "Permissions": [] }"""));
            File.WriteAllText(path, $$"""
                { "name": "orchard-roles", "displayName": "Orchard Core's Blog roles",
                  "steps": [ { "name": "feature", "enable": [ "BlogSite.Blog", "OrchardCore.Admin" ] }, { "name": "Roles", "Roles": [ {{roles}} ] } ] }
                """);
            return path;
        }
    }
}
