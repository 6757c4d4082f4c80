using BlogSite.Cms.Content.Storage;
using BlogSite.Cms.Content.Users;
using BlogSite.Cms.Recipes.Export;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes.Steps;

public sealed class UsersAndDeploymentStepsTests : IAsyncLifetime
{
    private const string Roles = """{ "name": "Roles", "Roles": [ { "Name": "Editor" }, { "Name": "Author" } ] }""";

    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task UsersAreCreatedWithTheirRolesAndAHashThatSignsIn()
    {
        string hash;
        await using (var scope = store.Services.CreateAsyncScope())
        {
            hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<CmsUser>>().HashPassword(new CmsUser(), "Walk-the-ridge-42");
        }

        await store.RunAsync(With(Roles, $$"""
            { "name": "Users", "Users": [ { "UserId": "u1", "UserName": "ana", "Email": "ana@example.org", "EmailConfirmed": true,
                "IsEnabled": true, "RoleNames": [ "Editor" ], "PasswordHash": "{{hash}}" } ] }
            """));
        await store.RunAsync(With(Roles, """{ "name": "Users", "Users": [ { "UserName": "ana", "RoleNames": [ "Author" ] } ] }"""));

        await using var check = store.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var ana = (await users.FindByNameAsync("ana"))!;
        Assert.Equal("u1", ana.Id);
        Assert.True(await users.CheckPasswordAsync(ana, "Walk-the-ridge-42"));
        Assert.Equal(["Author"], await users.GetRolesAsync(ana));
    }

    [Fact]
    public void PlainPasswordsAndUnknownShapesAreRefused()
    {
        var report = store.Validate(With("""
            { "name": "Users", "Users": [ { "UserName": "bo", "Password": "secret" }, { "Email": "x@example.org" }, { "UserName": "cy", "Email": "not-an-address" }, { "UserName": "di", "RoleNames": [ 3 ] } ] }
            """));

        Assert.Equal(
            ["$.steps[0].Users[0].Password", "$.steps[0].Users[1].UserName", "$.steps[0].Users[2].Email", "$.steps[0].Users[3].RoleNames[0]"],
            report.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public async Task ARoleThatDoesNotExistStopsTheRecipe()
    {
        var error = await Assert.ThrowsAsync<BlogSite.Cms.Recipes.Execution.RecipeException>(() =>
            store.RunAsync(With("""{ "name": "Users", "Users": [ { "UserName": "ed", "RoleNames": [ "Ghost" ] } ] }""")));

        Assert.Equal("$.steps[0].Users[0].RoleNames[0]", Assert.Single(error.Errors).JsonPath);
        Assert.Equal(0, await store.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task DeploymentPlansAreDataReplacedByNameAndExportedInOrchardCoresShape()
    {
        await store.RunAsync(With("""{ "name": "feature", "enable": [ "OrchardCore.Deployment" ] }"""));
        await store.RunAsync(With("""{ "name": "deployment", "Plans": [ { "Name": "Nightly", "Steps": [ { "Type": "AllContent", "Step": { "Id": "1" } } ] }, { "Name": "Settings only", "Steps": [] } ] }"""));
        // A plan as BlogSite wrote it before, with "DeploymentSteps", is kept as Orchard Core's "Steps".
        await store.RunAsync(With("""{ "name": "deployment", "Plans": [ { "Name": "Nightly", "DeploymentSteps": [ { "Type": "ContentTypes" } ] } ] }"""));

        await using var scope = store.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(setup: false);
        var plans = export["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "deployment")!["Plans"]!.AsArray();
        Assert.Equal(["Settings only", "Nightly"], plans.Select(p => p!["Name"]!.GetValue<string>()));
        Assert.Equal("ContentTypes", plans[1]!["Steps"]![0]!["Type"]!.GetValue<string>());
        Assert.Null(plans[1]!["DeploymentSteps"]);
        Assert.Empty(plans[0]!["Steps"]!.AsArray());
        Assert.True(await scope.ServiceProvider.GetRequiredService<DocumentStore>().ExistsAsync("DeploymentPlans"));
    }

    [Fact]
    public async Task ADeploymentStepOnASiteWithoutTheDeploymentFeatureIsKeptNotRun()
    {
        var report = await store.RunAsync(With("""{ "name": "deployment", "Plans": [ { "Name": "Nightly", "DeploymentSteps": [] } ] }"""));

        await using var scope = store.Services.CreateAsyncScope();
        Assert.Contains(report.Warnings, w => w.Message.Contains("belongs to the feature 'OrchardCore.Deployment', which is disabled", StringComparison.Ordinal));
        Assert.False(await scope.ServiceProvider.GetRequiredService<DocumentStore>().ExistsAsync("DeploymentPlans"));
        var export = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(setup: false);
        Assert.Contains(export["steps"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "deployment");
    }

    [Fact]
    public async Task ExportedUsersCarryAHashAndNeverAPassword()
    {
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            Assert.True((await users.CreateAsync(new CmsUser { UserName = "fay", Email = "fay@example.org" }, "Plain-text-99!")).Succeeded);
        }

        await using var export = store.Services.CreateAsyncScope();
        var recipe = (await export.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(setup: false)).ToJsonString();

        Assert.DoesNotContain("Plain-text-99!", recipe, StringComparison.Ordinal);
        Assert.Contains("\"PasswordHash\":\"AQAAAA", recipe, StringComparison.Ordinal);
    }
}
