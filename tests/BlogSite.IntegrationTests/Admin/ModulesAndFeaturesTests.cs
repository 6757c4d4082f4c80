using System.Collections.Concurrent;
using System.Net;
using BlogSite.Cms.Admin;
using BlogSite.Cms.Admin.Navigation;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// A module plugs in the way the blog module does: a test module registers a permission, an admin menu entry, a
/// dashboard card and a part with its editor, and each appears. Features switch their pages on and off at run time.
public sealed class ModulesAndFeaturesTests(ModulesAndFeaturesTests.Site site) : IClassFixture<ModulesAndFeaturesTests.Site>
{
    [Fact]
    public async Task ATestModulesPermissionMenuEntryCardAndPartEachAppear()
    {
        await RecipeRunner.RunAsync(site.Factory.Services, """
            { "steps": [ { "name": "ContentDefinition", "ContentTypes": [
              { "Name": "Review", "DisplayName": "Review", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "RatingPart", "Name": "RatingPart" } ] } ] } ] }
            """);
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var author = await AdminSite.SignedInAsync(site, "Author");

        var dashboard = await HtmlPage.GetAsync(admin, "/admin");
        var roles = await HtmlPage.GetAsync(admin, "/admin/roles/Author");
        var authorsMenu = await HtmlPage.GetAsync(author, "/admin");
        var editor = await HtmlPage.GetAsync(admin, "/admin/items/new?type=Review");
        var types = await admin.GetStringAsync("/admin/content-types");
        using var saved = await AdminSite.PostFormAsync(admin, "/admin/items/new?type=Review", "Save", new()
        {
            ["Values[TitlePart.Title]"] = "A fair book", ["Values[RatingPart.Stars]"] = "9",
        });

        Assert.Contains(dashboard.Document.QuerySelectorAll("nav[aria-label=Admin] [role=group]"),
            g => g.GetAttribute("aria-label") == "Reviews" && g.TextContent.Contains("Reviews desk", StringComparison.Ordinal));
        Assert.DoesNotContain("Reviews desk", authorsMenu.Document.QuerySelector("nav[aria-label=Admin]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(dashboard.Document.QuerySelectorAll(".card .label"), l => l.TextContent == "published reviews");
        Assert.Contains(roles.Document.QuerySelectorAll("fieldset legend"), l => l.TextContent == "Reviews");
        Assert.NotNull(roles.Document.QuerySelector("input[name=Permissions][value=ManageReviews]"));
        Assert.NotNull(editor.Document.QuerySelector("input[name='Values[RatingPart.Stars]'][type=number]"));
        Assert.Contains("Rating: one to five stars", types, StringComparison.Ordinal);
        Assert.Contains("Stars must be from 1 to 5.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        Assert.Equal(["AccessAdminPanel", "ManageReviews"], scope.ServiceProvider.GetRequiredService<PermissionCatalog>().DefaultsFor("Reviewer")
            .Where(p => p is "ManageReviews" or "AccessAdminPanel").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DisablingTheBlogAtRunTimeTurnsItsPagesAndCardOffAndEnablingBringsThemBack()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        using var reader = site.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);

        using var disabled = await AdminSite.PostFormAsync(admin, "/admin/features?id=BlogSite.Blog", "Disable", new());
        var whileOff = (Home: await reader.GetAsync("/"), Feed: await reader.GetAsync("/rss"), Editor: await admin.GetAsync("/admin/posts/new"),
            Dashboard: await admin.GetStringAsync("/admin"), Features: await admin.GetStringAsync("/admin/features"));
        using var enabled = await AdminSite.PostFormAsync(admin, "/admin/features?id=BlogSite.Blog", "Enable", new());

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whileOff.Home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whileOff.Feed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whileOff.Editor.StatusCode);
        Assert.DoesNotContain("published posts", whileOff.Dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain(">New post<", whileOff.Dashboard, StringComparison.Ordinal);
        Assert.Contains("and what depends on it: BlogSite.Theme", whileOff.Features, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        Assert.Contains(">New post<", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnablingAFeatureGivesItsPermissionsToTheExistingRolesThatGetThemByDefault()
    {
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");
        Assert.DoesNotContain("ModerateReviews", await site.PermissionsOfAsync("Editor"));

        using var enabled = await AdminSite.PostFormAsync(admin, $"/admin/features?id={ReviewsModule.ModerationFeature}", "Enable", new());

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("ModerateReviews", await site.PermissionsOfAsync("Editor"));
        Assert.DoesNotContain("ModerateReviews", await site.PermissionsOfAsync("Author"));
    }

    [Fact]
    public async Task AModulesIndexProviderIsToldOfImportedSavedAndDeletedVersions()
    {
        await RecipeRunner.RunAsync(site.Factory.Services, """
            { "steps": [ { "name": "ContentDefinition", "ContentTypes": [
              { "Name": "Review", "DisplayName": "Review", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "RatingPart", "Name": "RatingPart" } ] } ] },
              { "name": "content", "Data": [ { "ContentItemId": "4review00000000000000000000", "ContentType": "Review", "DisplayText": "Imported",
                "Latest": true, "Published": true, "TitlePart": { "Title": "Imported" }, "RatingPart": { "Stars": 4 } } ] } ] }
            """);
        var index = site.Factory.Services.GetRequiredService<ReviewIndex>();
        Assert.True(index.Versions.ContainsKey("4review00000000000000000000"));
        using var admin = await AdminSite.SignedInAsync(site, "Administrator");

        using var saved = await AdminSite.PostFormAsync(admin, "/admin/items/new?type=Review", "Save", new()
        {
            ["Values[TitlePart.Title]"] = "Written in the admin", ["Values[RatingPart.Stars]"] = "5",
        });
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.True(index.Versions.ContainsKey(id));
        using var deleted = await AdminSite.PostFormAsync(admin, $"/admin/items/{id}", "Delete", await AdminSite.EditorFormAsync(admin, $"/admin/items/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(index.Versions.ContainsKey(id));
    }

    [Fact]
    public async Task ValidatingARecipeThatDisablesTheBlogSaysWhatGoesOff()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var report = scope.ServiceProvider.GetRequiredService<RecipeExecutor>().Validate(RecipeReader.Parse("""
            { "steps": [ { "name": "feature", "disable": [ "BlogSite.Blog", "OrchardCore.Contents" ] } ] }
            """, AppContext.BaseDirectory), RecipeTrust.Operator);

        Assert.Contains(report.Warnings, w => w.Message.Contains("switches off BlogSite.Blog, BlogSite.Theme", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Message.Contains("'OrchardCore.Contents' is part of every site", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    public async Task OnlyThoseAllowedToManageFeaturesSwitchThem(string role)
    {
        using var client = await AdminSite.SignedInAsync(site, role);

        using var page = await client.GetAsync("/admin/features");
        using var disable = await client.PostAsync("/admin/features?id=BlogSite.Blog&handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AdminSite.TokenAsync(client, "/admin"),
        }));

        Assert.StartsWith("/admin/denied", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/admin/denied", disable.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.NewClient().GetAsync("/")).StatusCode);
    }

    /// The site of this class, with the test module.
    public sealed class Site : AdminSite
    {
        protected override Action<IServiceCollection>? Modules => ReviewsModule.Add;
    }

    /// A module as a third party would write one: its own permission (Editor and Reviewer get it by default), an
    /// admin menu entry under its own group, a dashboard card and a part with its editor.
    private static class ReviewsModule
    {
        public const string ModerationFeature = "Test.Reviews.Moderation";

        public static void Add(IServiceCollection services)
        {
            services.AddPermissions("Reviews",
                new PermissionDescriptor("ManageReviews", "Manage reviews", "Editor", "Reviewer"),
                new PermissionDescriptor("AccessAdminPanel", "Use the admin dashboard", "Reviewer"));
            services.AddAdminMenuEntry(new AdminMenuEntry("Reviews", "Reviews desk", "/Admin/Content/Index", 45, "ManageReviews"));
            services.AddPublishedCountCard("Review", "published reviews");
            services.AddCmsFeatures([new FeatureDescriptor(ModerationFeature, "Review moderation")]);
            services.AddPermissions("Reviews", new PermissionDescriptor("ModerateReviews", "Moderate reviews", "Editor") { Feature = ModerationFeature });
            services.AddContentPart<RatingPartDriver>();
            services.AddContentPartKind("RatingPart", "Rating: one to five stars");
            services.AddSingleton<ReviewIndex>();
            services.AddContentIndexProvider<ReviewIndexProvider>();
        }
    }

    /// The test module's own index: the reviews that have a version, kept as the CMS tells it.
    private sealed class ReviewIndex
    {
        public ConcurrentDictionary<string, int> Versions { get; } = new();
    }

    private sealed class ReviewIndexProvider(ReviewIndex index) : IContentIndexProvider
    {
        public Task IndexAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
        {
            foreach (var version in versions.Where(v => v.ContentType == "Review"))
            {
                index.Versions.AddOrUpdate(version.ContentItemId, 1, (_, n) => n + 1);
            }

            return Task.CompletedTask;
        }

        public Task RemoveAsync(IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
        {
            foreach (var version in versions)
            {
                index.Versions.TryRemove(version.ContentItemId, out _);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RatingPartDriver : IContentPartDriver
    {
        public string PartName => "RatingPart";

        public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EditorInput>>([new EditorInput("RatingPart.Stars", "Stars", "number", null, Minimum: 1, Maximum: 5)]);
    }
}
