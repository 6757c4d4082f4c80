using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.UnitTests.Recipes.TestRecipes;

namespace BlogSite.UnitTests.Recipes.Steps;

public sealed class ContentStepTests : IAsyncLifetime
{
    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task ItemsAreCreatedWithTheirPartsAndIndexed()
    {
        var report = await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/first", "First"))));

        Assert.Equal(1, report.Created);
        var item = await store.QueryAsync(db => db.ContentItems.SingleAsync());
        Assert.Equal("First", item.DisplayText);
        Assert.True(item.Published && item.Latest);
        Assert.Equal(new DateTime(2016, 4, 1, 10, 0, 0, DateTimeKind.Utc), item.PublishedUtc);
        Assert.Equal("Body of First.", item.Content["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>());
        Assert.Equal("blog/first", await store.QueryAsync(db => db.Routes.Select(r => r.Path).SingleAsync()));
    }

    [Fact]
    public async Task RunningTheSameRecipeTwiceChangesNothing()
    {
        var recipe = With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/a"), Post("post00000000000000000000002", "blog/b")));
        await store.RunAsync(recipe);
        var before = await store.QueryAsync(db => db.ContentItems.AsNoTracking().OrderBy(x => x.Id).ToListAsync());

        var second = await store.RunAsync(recipe);

        var after = await store.QueryAsync(db => db.ContentItems.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        Assert.Equal(2, second.Unchanged);
        Assert.Equal(0, second.Created + second.Updated);
        Assert.Equal(before.Select(x => (x.ContentItemVersionId, x.ConcurrencyStamp, x.ModifiedUtc)), after.Select(x => (x.ContentItemVersionId, x.ConcurrencyStamp, x.ModifiedUtc)));
    }

    [Fact]
    public async Task AChangedItemIsUpdatedInPlace()
    {
        await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/a", "Old title"))));

        var report = await store.RunAsync(With(ContentStep(Post("post00000000000000000000001", "blog/a", "New title"))));

        Assert.Equal(1, report.Updated);
        Assert.Equal(["New title"], await store.QueryAsync(db => db.ContentItems.Select(x => x.DisplayText).ToListAsync()));
    }

    [Fact]
    public async Task ANewVersionIdMakesANewLatestVersion()
    {
        await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/a", "V1"))));

        var draft = """{ "ContentItemId": "post00000000000000000000001", "ContentItemVersionId": "version0000000000000000002", "ContentType": "BlogPost", "DisplayText": "V2 draft", "Latest": true, "Published": false }""";
        await store.RunAsync(With(ContentStep(draft)));

        var versions = await store.QueryAsync(db => db.ContentItems.OrderBy(x => x.Id).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.True(versions[0].Published);
        Assert.False(versions[0].Latest);
        Assert.True(versions[1].Latest);
        Assert.False(versions[1].Published);
    }

    [Fact]
    public async Task TwoPublishedItemsOnOnePathAreRejectedBeforeAnythingIsWritten()
    {
        var recipe = With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/same"), Post("post00000000000000000000002", "blog/same")));

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(1, problem.StepIndex);
        Assert.Equal("content", problem.StepName);
        Assert.Equal("$.steps[1].Data[1].AutoroutePart.Path", problem.JsonPath);
        Assert.Equal(0, await store.CountItemsAsync());
    }

    [Fact]
    public async Task APathTakenByAnotherItemInTheSiteFailsTheWholeRecipe()
    {
        await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/taken"))));

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(With(
            ContentStep(Post("post00000000000000000000002", "blog/fresh")),
            ContentStep(Post("post00000000000000000000003", "blog/taken")))));

        Assert.Equal("$.steps[1].Data[0].AutoroutePart.Path", Assert.Single(error.Errors).JsonPath);
        Assert.Equal(1, await store.CountItemsAsync());
    }

    [Fact]
    public async Task EveryBadItemIsReportedWithItsPath()
    {
        var report = store.Validate(With(ContentStep(
            """{ "ContentType": "BlogPost" }""",
            """{ "ContentItemId": "x", "ContentType": "BlogPost", "PublishedUtc": "last tuesday" }""",
            """{ "ContentItemId": "y", "ContentType": "BlogPost", "Published": "yes" }""",
            "42")));

        Assert.Equal(
            ["$.steps[0].Data[0].ContentItemId", "$.steps[0].Data[1].PublishedUtc", "$.steps[0].Data[2].Published", "$.steps[0].Data[3]"],
            report.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void AContentStepNeedsData()
    {
        var report = store.Validate(With("""{ "name": "content", "data": {} }"""));

        Assert.Equal("$.steps[0].data", Assert.Single(report.Errors).JsonPath);
    }

    [Fact]
    public async Task ATypeNobodyDefinesIsAnErrorWhenTheSiteIsKnown()
    {
        var recipe = With(EnableBlog, ContentStep("""{ "ContentItemId": "x0000000000000000000000001", "ContentType": "BlogPst" }"""));

        var alone = store.Validate(recipe);
        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe));

        Assert.True(alone.Succeeded);
        Assert.Contains(alone.Warnings, w => w.JsonPath == "$.steps[1].Data[0].ContentType");
        Assert.Equal("$.steps[1].Data[0].ContentType", Assert.Single(error.Errors).JsonPath);
    }

    [Fact]
    public void AnUndefinedContentTypeIsAWarningNotAFailure()
    {
        var report = store.Validate(With(ContentStep("""{ "ContentItemId": "sitemap0000000000000000001", "ContentType": "Sitemap" }""")));

        Assert.True(report.Succeeded);
        Assert.Contains("'Sitemap'", Assert.Single(report.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPartsAreKeptAsTheyCame()
    {
        await store.RunAsync(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/a", extra: """, "LayerMetadata": { "Zone": "Footer", "Position": 10 }"""))));

        var item = await store.QueryAsync(db => db.ContentItems.SingleAsync());
        Assert.Equal("""{"Zone":"Footer","Position":10}""", item.Content["LayerMetadata"]!.ToJsonString(ContentJson.Options));
    }

    [Fact]
    public async Task PartsAndFieldsTheTypeDoesNotListAreImportedKeptExportedAndNamedInWarnings()
    {
        var post = Post("post00000000000000000000001", "blog/a", extra: """, "ReadingListPart": { "Books": 3 }, "BlogPost": { "Mood": { "Text": "calm" } }""");

        var report = await store.RunAsync(With(EnableBlog, ContentStep(post)));

        Assert.Contains(report.Warnings, w => w.JsonPath == "$.steps[1].Data[0].ReadingListPart" && w.Message.Contains("does not list a part 'ReadingListPart'", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.JsonPath == "$.steps[1].Data[0].BlogPost.Mood" && w.Message.Contains("does not list a field 'Mood'", StringComparison.Ordinal));
        await using var scope = store.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<BlogSite.Cms.Recipes.Export.RecipeExporter>().ExportAsync(setup: false);
        var exported = export["steps"]!.AsArray().Where(s => s!["name"]!.GetValue<string>() == "content")
            .SelectMany(s => s!["data"]?.AsArray() ?? s!["Data"]!.AsArray()).Single(i => i!["ContentItemId"]!.GetValue<string>() == "post00000000000000000000001")!;
        Assert.Equal("""{"Books":3}""", exported["ReadingListPart"]!.ToJsonString());
        Assert.Equal("calm", exported["BlogPost"]!["Mood"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReRunningARecipeWhoseItemsUseUuidIsRefusedInsteadOfCopying()
    {
        var recipe = """
            { "name": "Uuids", "variables": { "pageId": "[js: uuid()]" }, "steps": [
                { "name": "feature", "enable": [ "BlogSite.Blog" ] },
                { "name": "content", "Data": [
                    { "ContentItemId": "[js: variables('pageId')]", "ContentType": "BlogPost", "DisplayText": "Hello", "Published": true, "AutoroutePart": { "Path": "blog/hello" } },
                    { "ContentItemId": "[js: uuid()]", "ContentType": "Blog", "DisplayText": "No path", "Published": true } ] } ] }
            """;
        await store.RunAsync(recipe);

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(recipe));

        Assert.Equal(["$.steps[1].Data[0].ContentItemId", "$.steps[1].Data[1].ContentItemId"], error.Errors.Select(e => e.JsonPath));
        Assert.Contains("uuid()", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.CountItemsAsync());
    }

    [Fact]
    public async Task ATermThatExistsNowhereFailsTheStepWithItsPath()
    {
        var post = Post("post00000000000000000000001", "blog/a", extra: """, "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags", "TermContentItemIds": [ "noSuchTerm" ] } }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(With(EnableBlog, ContentStep(post))));

        Assert.Equal("$.steps[1].Data[0].BlogPost.Tags.TermContentItemIds[0]", Assert.Single(error.Errors).JsonPath);
        Assert.Equal(0, await store.CountItemsAsync());
    }

    [Fact]
    public async Task AContainerThatExistsNowhereFailsTheStep()
    {
        var post = Post("post00000000000000000000001", "blog/a", extra: """, "ContainedPart": { "ListContentItemId": "noSuchBlog", "Order": 0 }""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => store.RunAsync(With(EnableBlog, ContentStep(post))));

        Assert.Equal("$.steps[1].Data[0].ContainedPart.ListContentItemId", Assert.Single(error.Errors).JsonPath);
    }

    [Fact]
    public void ASetupRecipeMustDefineWhatItPointsAtAndAnyOtherRecipeIsWarned()
    {
        var post = Post("post00000000000000000000001", "blog/a", extra: """, "BlogPost": { "Tags": { "TermContentItemIds": [ "elsewhere" ] } }""");

        var setup = store.Validate($$"""{ "name": "S", "issetuprecipe": true, "steps": [ {{EnableBlog}}, {{ContentStep(post)}} ] }""");
        var update = store.Validate(With(ContentStep(post)));

        Assert.Equal("$.steps[1].Data[0].BlogPost.Tags.TermContentItemIds[0]", Assert.Single(setup.Errors).JsonPath);
        Assert.True(update.Succeeded);
        Assert.Contains(update.Warnings, w => w.JsonPath == "$.steps[0].Data[0].BlogPost.Tags.TermContentItemIds[0]");
    }

    [Fact]
    public async Task TermsDefinedInTheSameStepResolve()
    {
        var taxonomy = """
            { "ContentItemId": "tags0000000000000000000001", "ContentType": "Taxonomy", "DisplayText": "Tags", "Published": true,
              "AutoroutePart": { "Path": "tags", "RouteContainedItems": true },
              "TaxonomyPart": { "Terms": [ { "ContentItemId": "tag00000000000000000000001", "ContentType": "Tag", "DisplayText": "Earth", "AutoroutePart": { "Path": "earth" } } ] } }
            """;
        var post = Post("post00000000000000000000001", "blog/a", extra: """, "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags0000000000000000000001", "TermContentItemIds": [ "tag00000000000000000000001" ] } }""");

        var report = await store.RunAsync(With(EnableBlog, ContentStep(taxonomy, post)));

        Assert.Equal(2, report.Created);
        Assert.Equal("categories/earth".Replace("categories", "tags", StringComparison.Ordinal), await store.QueryAsync(db => db.Routes.Where(r => r.ContainedContentItemId != null).Select(r => r.Path).SingleAsync()));
    }

    [Fact]
    public void PartsAndFieldsTheTypeDoesNotDefineAreWarningsThatNameThemAsOrchardCoreKeepsThem()
    {
        var report = store.Validate(With(EnableBlog, ContentStep(Post("post00000000000000000000001", "blog/a", extra: """
            , "MarkdownBodyPrat": { "Markdown": "typo" }, "AliasPart": { "Alias": "a" },
              "BlogPost": { "Subtitle": { "Text": "ok" }, "Subtitel": { "Text": "typo" } }
            """))));

        Assert.Empty(report.Errors);
        Assert.Equal(
            ["$.steps[1].Data[0].AliasPart", "$.steps[1].Data[0].BlogPost.Subtitel", "$.steps[1].Data[0].MarkdownBodyPrat"],
            report.Warnings.Select(w => w.JsonPath).Where(p => p!.StartsWith("$.steps[1].Data[0].", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
