using Microsoft.EntityFrameworkCore;
using BlogSite.Cms.Recipes.Execution;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes;

public sealed class RecipeExecutorTests : IAsyncLifetime
{
    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task AFailureInALaterStepUndoesEveryEarlierStep()
    {
        await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/existing"))));

        await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(With(
            """{ "name": "settings", "SiteName": "Should not stick" }""",
            """{ "name": "Roles", "Roles": [ { "Name": "Ghost" } ] }""",
            ContentStep(Post("post00000000000000000000002", "blog/new")),
            ContentStep(Post("post00000000000000000000003", "blog/existing")))));

        Assert.Equal(1, await store.CountItemsAsync());
        Assert.False(await store.QueryAsync(db => db.Roles.AnyAsync(r => r.Name == "Ghost")));
        Assert.False(await store.QueryAsync(db => db.Documents.AnyAsync(d => d.Key == "SiteSettings")));
    }

    [Theory]
    [InlineData("""{ "name": "Roles", "Roles": [ { "Name": "Ghost", "Permissions": [ "ManageUsers" ] } ] }""", "roles")]
    [InlineData("""{ "name": "users", "Users": [ { "UserName": "ghost", "Email": "ghost@example.org", "RoleNames": [ "Administrator" ] } ] }""", "users")]
    public async Task AStepThatChangesWhoCanDoWhatNeedsItsScopeAndWithoutItNothingIsWritten(string step, string scope)
    {
        var recipe = With(EnableBlog, step, ContentStep(Post("post00000000000000000000009", "blog/beside-a-refused-step")));

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe, trust: RecipeTrust.ContentOnly("the test client")));

        var refusal = Assert.Single(error.Errors);
        Assert.Equal("$.steps[1].name", refusal.JsonPath);
        Assert.Contains($"needs the '{scope}' scope, which the test client does not have", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.CountItemsAsync());
        Assert.False(await store.QueryAsync(db => db.Roles.AnyAsync(r => r.Name == "Ghost")));
        Assert.False(await store.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "ghost")));
    }

    [Theory]
    [InlineData("BaseUrl", "\"https://evil.example\"")]
    [InlineData("LoginSettings", "{ \"UseSiteTheme\": true }")]
    [InlineData("ReverseProxySettings", "{ \"ForwardedHeaders\": 7 }")]
    public async Task ASettingThatAffectsSecurityNeedsTheSettingsScopeAndOtherSettingsDoNot(string key, string value)
    {
        var refused = With($$"""{ "name": "settings", "SiteName": "Refused", "{{key}}": {{value}} }""");
        var allowed = With("""{ "name": "settings", "SiteName": "Allowed", "Tagline": "Content scope is enough" }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(refused, trust: RecipeTrust.ContentOnly("the test client")));
        await store.RunAsync(allowed, trust: RecipeTrust.ContentOnly("the test client"));

        var refusal = Assert.Single(error.Errors);
        Assert.Equal($"$.steps[0].{key}", refusal.JsonPath);
        Assert.Contains($"sets '{key}', which affects the site's security: it needs the 'settings' scope, which the test client does not have", refusal.Message, StringComparison.Ordinal);
        Assert.False(await store.QueryAsync(db => db.Documents.AnyAsync(d => d.Key == "SiteSettings" && d.Data.Contains("Refused"))));
        Assert.True(await store.QueryAsync(db => db.Documents.AnyAsync(d => d.Key == "SiteSettings" && d.Data.Contains("Allowed"))));
    }

    [Theory]
    [InlineData("BaseUrl", true)]
    [InlineData("baseurl", true)]
    [InlineData("LoginSettings", true)]
    [InlineData("TwoFactorLoginSettings", true)]
    [InlineData("OpenIdServerSettings", true)]
    [InlineData("CdnBaseUrl", true)]
    [InlineData("SuperUser", true)]
    [InlineData("BlogIndexSettings", false)]
    [InlineData("SiteName", false)]
    [InlineData("HomeRoute", false)]
    [InlineData("PageSize", false)]
    public void SecuritySettingsAreKnownByTheWordsOfTheirNames(string key, bool security) =>
        Assert.Equal(security, SecuritySettings.IsSecuritySetting(key));

    [Fact]
    public async Task AStepOfItsOwnForASecuritySettingNeedsTheSettingsScope()
    {
        var recipe = With("""{ "name": "OpenIdServerSettings", "AccessTokenFormat": "JsonWebToken" }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe, trust: RecipeTrust.ContentOnly("the test client")));

        var refusal = Assert.Single(error.Errors);
        Assert.Equal("$.steps[0].name", refusal.JsonPath);
        Assert.Contains("needs the 'settings' scope", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStepNameMadeByAScriptIsRefusedSoItCannotBecomeUsersAfterTheTrustCheck()
    {
        var recipe = With(
            """{ "name": "[js: 'Users']", "Users": [ { "UserName": "ghost", "Email": "ghost@example.org", "RoleNames": [ "Administrator" ] } ] }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe, trust: RecipeTrust.ContentOnly("the test client")));

        Assert.Contains(error.Errors, e => e.JsonPath == "$.steps[0].name" && e.Message.Contains("must be written out", StringComparison.Ordinal));
        Assert.False(await store.QueryAsync(db => db.Documents.AnyAsync(d => d.Key.Contains("Kept"))));
        Assert.False(await store.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "ghost")));
    }

    [Fact]
    public async Task ValidationListsEveryErrorOfEveryStepAndWritesNothing()
    {
        var recipe = With(
            """{ "name": "settings", "PageSize": -1 }""",
            """{ "name": "feature", "enable": "BlogSite.Blog" }""",
            """{ "name": "content", "Data": [ { "ContentItemId": "a", "ContentType": "BlogPost", "DisplayText": "[js: variables('nope')]" } ] }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe));

        Assert.Equal(
            [
                (0, "settings", "$.steps[0].PageSize"), (1, "feature", "$.steps[1].enable"),
                (2, "content", "$.steps[2].Data[0].DisplayText"), (2, "content", "$.steps[2].Data[0].ContentType"),
            ],
            error.Errors.Select(e => (e.StepIndex ?? -1, e.StepName ?? "", e.JsonPath)));
        Assert.Contains("step 2 'content' at $.steps[2].Data[0].DisplayText", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.CountItemsAsync());
    }

    [Fact]
    public async Task VariablesAreSharedByAllStepsOfARecipe()
    {
        await store.RunAsync("""
            { "name": "Vars", "variables": { "blogId": "[js: uuid()]" },
              "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "settings", "HomeRoute": { "ContentItemId": "[js: variables('blogId')]" } },
                { "name": "content", "Data": [ { "ContentItemId": "[js: variables('blogId')]", "ContentType": "Blog", "DisplayText": "Blog", "Published": true } ] }
              ] }
            """);

        var blogId = await store.QueryAsync(db => db.ContentItems.Select(x => x.ContentItemId).SingleAsync());
        var settings = await store.QueryAsync(db => db.Documents.SingleAsync(d => d.Key == "SiteSettings"));
        Assert.Contains(blogId, settings.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecipesStepRunsARecipeFoundByName()
    {
        File.WriteAllText(Path.Combine(store.RecipeFolder, "core.recipe.json"), With(EnableBlog, ContentStep(Post("post00000000000000000000009", "blog/included"))).Replace("\"Test\"", "\"Blog.Core\"", StringComparison.Ordinal));

        var report = await store.RunAsync(With("""{ "name": "recipes", "Values": [ { "executionid": "Blog", "name": "Blog.Core" } ] }"""));

        Assert.Equal(1, report.Created);
        Assert.Equal("blog/included", await store.QueryAsync(db => db.Routes.Select(r => r.Path).SingleAsync()));
    }

    [Fact]
    public void TheRecipesStepReportsARecipeItCannotFind()
    {
        var report = store.Validate(With("""{ "name": "recipes", "Values": [ { "name": "Nowhere" } ] }"""));

        var problem = Assert.Single(report.Errors);
        Assert.Equal("$.steps[0].Values[0].name", problem.JsonPath);
        Assert.Contains("Nowhere", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecipeIncludingItselfIsStopped()
    {
        File.WriteAllText(Path.Combine(store.RecipeFolder, "loop.recipe.json"), """{ "name": "Loop", "steps": [ { "name": "recipes", "Values": [ { "name": "Loop" } ] } ] }""");

        var report = store.Validate("""{ "name": "Start", "steps": [ { "name": "recipes", "Values": [ { "name": "Loop" } ] } ] }""");

        Assert.Contains(report.Errors, e => e.Message.Contains("too deeply", StringComparison.Ordinal));
    }
}
