using System.Text.Json.Nodes;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// The content store and importers against each real database engine: versions, index rows, path conflicts, UTC dates,
/// batches of updates.
public abstract class ContentStoreTests : IAsyncLifetime
{
    private ContentServices? content;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => content = await ContentServices.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (content is not null)
        {
            await content.DisposeAsync();
        }
    }

    private async Task<ImportOutcome> ImportAsync(ContentItem item)
    {
        await using var scope = content!.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(item);
    }

    private async Task WithStoreAsync(Func<ContentStore, CmsDbContext, Task> action)
    {
        await using var scope = content!.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<ContentStore>(), scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    private async Task<T> WithStoreAsync<T>(Func<ContentStore, CmsDbContext, Task<T>> action)
    {
        await using var scope = content!.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentStore>(), scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    private static ContentItem Post(string id, string path, string title, bool published = true, string? versionId = null) => new()
    {
        ContentItemId = id,
        ContentItemVersionId = versionId ?? "",
        ContentType = "BlogPost",
        DisplayText = title,
        Latest = true,
        Published = published,
        PublishedUtc = published ? new DateTime(2016, 5, 1, 12, 30, 0, DateTimeKind.Utc) : null,
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
            ["BlogPost"] = new JsonObject
            {
                ["Tags"] = new JsonObject { ["TaxonomyContentItemId"] = "tags", ["TermContentItemIds"] = new JsonArray("t1", "t2") },
            },
        },
    };

    [Fact]
    public async Task ImportingTheSameItemTwiceChangesNothing()
    {
        var first = await ImportAsync(Post("p1", "blog/p1", "One"));
        var second = await ImportAsync(Post("p1", "blog/p1", "One"));

        Assert.Equal((ImportOutcome.Created, ImportOutcome.Unchanged), (first, second));
        Assert.Equal(1, await WithStoreAsync((_, db) => db.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task DatesComeBackAsUtc()
    {
        await ImportAsync(Post("p1", "blog/p1", "One"));

        var item = await WithStoreAsync((store, _) => store.GetPublishedAsync("p1"));

        Assert.Equal(new DateTime(2016, 5, 1, 12, 30, 0, DateTimeKind.Utc), item!.PublishedUtc);
        Assert.Equal(DateTimeKind.Utc, item.PublishedUtc!.Value.Kind);
    }

    [Fact]
    public async Task IndexRowsFollowTheItem()
    {
        await ImportAsync(Post("p1", "blog/p1", "One"));
        var updated = Post("p1", "blog/renamed", "One");
        updated.Content["BlogPost"]!["Tags"]!["TermContentItemIds"] = new JsonArray("t3");
        await ImportAsync(updated);

        Assert.Equal(["blog/renamed"], await WithStoreAsync((_, db) => db.Routes.Select(r => r.Path).ToListAsync()));
        Assert.Equal(["t3"], await WithStoreAsync((_, db) => db.TaxonomyLinks.Select(l => l.TermContentItemId).ToListAsync()));
    }

    [Fact]
    public async Task OnlyTheCurrentAndThePublishedVersionKeepIndexRows()
    {
        await ImportAsync(Post("p1", "blog/p1", "V1", versionId: "v1"));
        await ImportAsync(Post("p1", "blog/p1", "V2", versionId: "v2"));
        await ImportAsync(Post("p1", "blog/p1-next", "V3", published: false, versionId: "v3"));

        // v1 was replaced: it is history, shown from its JSON; v2 is still published and v3 is the draft.
        var routed = await WithStoreAsync((_, db) => db.Routes.Join(db.ContentItems, r => r.DocumentId, i => i.Id, (r, i) => i.ContentItemVersionId).ToListAsync());
        var tagged = await WithStoreAsync((_, db) => db.TaxonomyLinks.Join(db.ContentItems, l => l.DocumentId, i => i.Id, (l, i) => i.ContentItemVersionId).ToListAsync());
        Assert.Equal(["v2", "v3"], routed.Order(StringComparer.Ordinal));
        Assert.Equal(["v2", "v3"], tagged.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, await WithStoreAsync((_, db) => db.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task APublishedPathBelongsToOneItem()
    {
        await ImportAsync(Post("p1", "blog/same", "One"));

        var conflict = await Assert.ThrowsAsync<ContentConflictException>(() => ImportAsync(Post("p2", "blog/same", "Two")));
        await ImportAsync(Post("p3", "blog/same", "Draft", published: false));

        Assert.Contains("blog/same", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["p1", "p3"], await WithStoreAsync((_, db) => db.ContentItems.OrderBy(x => x.ContentItemId).Select(x => x.ContentItemId).ToListAsync()));
    }

    [Fact]
    public async Task ANewPublishedVersionReplacesThePublishedOne()
    {
        await ImportAsync(Post("p1", "blog/p1", "V1", versionId: "v1"));
        await ImportAsync(Post("p1", "blog/p1", "V2", versionId: "v2"));

        var versions = await WithStoreAsync((_, db) => db.ContentItems.OrderBy(x => x.ContentItemVersionId).Select(x => new { x.ContentItemVersionId, x.Latest, x.Published }).ToListAsync());
        var published = await WithStoreAsync((store, _) => store.GetPublishedAsync("p1"));

        Assert.Equal([("v1", false, false), ("v2", true, true)], versions.Select(v => (v.ContentItemVersionId, v.Latest, v.Published)));
        Assert.Equal("V2", published!.DisplayText);
        Assert.Single(await WithStoreAsync((_, db) => db.Routes.Where(r => r.Published).ToListAsync()));
    }

    [Fact]
    public async Task PublishingUnpublishingAndDeletingKeepRoutesAndSearchInStep()
    {
        await ImportAsync(Post("p1", "blog/p1", "Hidden gem", published: false));

        Assert.True(await WithStoreAsync((store, _) => store.PublishAsync("p1")));
        Assert.Equal(["blog/p1"], await WithStoreAsync((_, db) => db.Routes.Where(r => r.Published).Select(r => r.Path).ToListAsync()));
        Assert.Equal(1, await SearchCountAsync("gem"));

        Assert.True(await WithStoreAsync((store, _) => store.UnpublishAsync("p1")));
        Assert.Empty(await WithStoreAsync((_, db) => db.Routes.Where(r => r.Published).ToListAsync()));
        Assert.Equal(0, await SearchCountAsync("gem"));

        Assert.True(await WithStoreAsync((store, _) => store.PublishAsync("p1")));
        Assert.True(await WithStoreAsync((store, _) => store.DeleteAsync("p1")));
        Assert.Equal(0, await WithStoreAsync((_, db) => db.ContentItems.CountAsync()));
        Assert.Equal(0, await WithStoreAsync((_, db) => db.Routes.CountAsync()));
        Assert.Equal(0, await SearchCountAsync("gem"));
    }

    [Fact]
    public async Task ABatchAppliesItsItemsInOrderAndRemembersMovedPaths()
    {
        await ImportAsync(Post("p1", "blog/p1", "First words", versionId: "v1"));

        var outcomes = await ImportBatchAsync(
            Post("p1", "blog/p1-moved", "Second words", versionId: "v2"),
            Post("p1", "blog/p1-moved", "Third words", versionId: "v2"),
            Post("p2", "blog/p2", "Another post"),
            Post("p2", "blog/p2", "Another post, revised"));

        Assert.Equal([ImportOutcome.Updated, ImportOutcome.Updated, ImportOutcome.Created, ImportOutcome.Updated], outcomes);
        var versions = await WithStoreAsync((_, db) => db.ContentItems.Where(x => x.ContentItemId == "p1").OrderBy(x => x.ContentItemVersionId)
            .Select(x => new { x.ContentItemVersionId, x.DisplayText, x.Published }).ToListAsync());
        Assert.Equal([("v1", "First words", false), ("v2", "Third words", true)], versions.Select(v => (v.ContentItemVersionId, v.DisplayText, v.Published)));
        Assert.Equal("Another post, revised", (await WithStoreAsync((store, _) => store.GetPublishedAsync("p2")))!.DisplayText);
        Assert.Equal(["blog/p1-moved", "blog/p2"], await WithStoreAsync((_, db) => db.Routes.Where(r => r.Published).OrderBy(r => r.Path).Select(r => r.Path).ToListAsync()));
        Assert.Equal(["blog/p1"], await WithStoreAsync((_, db) => db.RouteHistory.Where(h => h.ContentItemId == "p1").Select(h => h.Path).ToListAsync()));
        Assert.Equal(0, await SearchCountAsync("first"));
        Assert.Equal(1, await SearchCountAsync("third"));
        Assert.Equal(1, await SearchCountAsync("revised"));
    }

    [Fact]
    public async Task APathReadersSawIsRememberedWhenSeveralCopiesMoveTheItem()
    {
        await ImportAsync(Post("p1", "blog/x", "One", versionId: "v1"));

        await ImportBatchAsync(Post("p1", "blog/y", "One", versionId: "v1"), Post("p1", "blog/z", "One", versionId: "v2"));

        // blog/y was never live outside the batch, so only blog/x leads to the item's new page.
        Assert.Equal(["blog/x"], await WithStoreAsync((_, db) => db.RouteHistory.Select(h => h.Path).ToListAsync()));
    }

    [Fact]
    public async Task AVersionIdOfAnotherItemIsRefusedByName()
    {
        await ImportAsync(Post("p1", "blog/p1", "One", versionId: "v1"));

        var conflict = await Assert.ThrowsAsync<ContentConflictException>(() => ImportBatchAsync(Post("p2", "blog/p2", "Two", versionId: "v1")));

        Assert.Equal("ContentItemVersionId", conflict.Property);
        Assert.Contains("belongs to item 'p1'", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemsOfABatchMaySwapPaths()
    {
        await ImportAsync(Post("p1", "blog/a", "One"));
        await ImportAsync(Post("p2", "blog/b", "Two"));

        await ImportBatchAsync(Post("p1", "blog/b", "One"), Post("p2", "blog/a", "Two"));

        var routes = await WithStoreAsync((_, db) => db.Routes.Where(r => r.Published).OrderBy(r => r.Path).Select(r => new { r.Path, r.ContentItemId }).ToListAsync());
        Assert.Equal([("blog/a", "p2"), ("blog/b", "p1")], routes.Select(r => (r.Path, r.ContentItemId)));
        // Both old paths are live again, so neither is a redirect.
        Assert.Equal(0, await WithStoreAsync((_, db) => db.RouteHistory.CountAsync()));
    }

    [Fact]
    public async Task ABatchThatTakesAPathNamesTheItemAndSavesNothing()
    {
        await ImportAsync(Post("p1", "blog/taken", "One"));
        await ImportAsync(Post("p2", "blog/p2", "Two"));

        var held = await Assert.ThrowsAsync<ContentConflictException>(() =>
            ImportBatchAsync(Post("p3", "blog/p3", "Three"), Post("p2", "blog/p2", "Two, renamed"), Post("p2", "blog/taken", "Two, moved")));
        var shared = await Assert.ThrowsAsync<ContentConflictException>(() =>
            ImportBatchAsync(Post("p2", "blog/shared", "Two"), Post("p4", "blog/p4", "Four"), Post("p4", "blog/shared", "Four")));

        Assert.Equal(2, held.ItemIndex);
        Assert.Contains("'blog/taken' is already used by published item 'p1'", held.Message, StringComparison.Ordinal);
        Assert.Equal(2, shared.ItemIndex);
        Assert.Contains("'blog/shared' is used by two items of this import", shared.Message, StringComparison.Ordinal);
        Assert.Equal(["p1", "p2"], await WithStoreAsync((_, db) => db.ContentItems.OrderBy(x => x.ContentItemId).Select(x => x.ContentItemId).ToListAsync()));
        Assert.Equal("Two", (await WithStoreAsync((store, _) => store.GetPublishedAsync("p2")))!.DisplayText);
    }

    [Fact]
    public async Task ARecipeBatchUpdatesKnownItemsAndRepeatsInOrder()
    {
        await ImportAsync(Post("p1", "blog/p1", "One"));

        await using var scope = content!.CreateScope();
        var outcomes = await scope.ServiceProvider.GetRequiredService<ContentBatchImporter>().ImportAsync(
            [Post("p9", "blog/p9", "Nine"), Post("p1", "blog/p1", "One, updated"), Post("p9", "blog/p9", "Nine, updated"), Post("p1", "blog/p1", "One, updated")]);

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Updated, ImportOutcome.Updated, ImportOutcome.Unchanged], outcomes);
        Assert.Equal("One, updated", (await WithStoreAsync((store, _) => store.GetPublishedAsync("p1")))!.DisplayText);
        Assert.Equal("Nine, updated", (await WithStoreAsync((store, _) => store.GetPublishedAsync("p9")))!.DisplayText);
        Assert.Equal(2, await WithStoreAsync((_, db) => db.ContentItems.CountAsync()));
    }

    [Fact]
    public async Task EveryVersionReadersSawIsMarkedWhenItWentLiveHoweverItWasImported()
    {
        await using (var scope = content!.CreateScope())
        {
            // New items go the bulk way, without the change tracker.
            await scope.ServiceProvider.GetRequiredService<ContentBatchImporter>().ImportAsync(
                [Post("p1", "blog/p1", "V1", versionId: "v1"), Post("p2", "blog/p2", "Draft", published: false, versionId: "d1")]);
        }

        var v1 = await WithStoreAsync((_, db) => db.ContentItems.SingleAsync(x => x.ContentItemVersionId == "v1"));
        await ImportAsync(Post("p1", "blog/p1", "V2", versionId: "v2"));

        Assert.NotNull(v1.WentLiveUtc);
        // Imported now, with a publish date in the past: they went live here when they were saved.
        var versions = await WithStoreAsync((_, db) => db.ContentItems.OrderBy(x => x.ContentItemVersionId).ToListAsync());
        Assert.Equal(
            [("d1", null), ("v1", versions[1].ModifiedUtc), ("v2", versions[2].ModifiedUtc)],
            versions.Select(v => (v.ContentItemVersionId, v.WentLiveUtc)));
        Assert.Equal(v1.WentLiveUtc, versions[1].WentLiveUtc);
    }

    [Fact]
    public async Task LiveVersionsTheBulkImportLeftUnmarkedAreMarkedByTheMigration()
    {
        await ImportAsync(Post("p1", "blog/p1", "Live"));
        await ImportAsync(Post("p2", "blog/p2", "Draft", published: false));
        await WithStoreAsync((_, db) => db.ContentItems.ExecuteUpdateAsync(x => x.SetProperty(v => v.WentLiveUtc, (DateTime?)null)));

        await WithStoreAsync(async (_, db) =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("TermCountIndex");
            await migrator.MigrateAsync();
        });

        var versions = await WithStoreAsync((_, db) => db.ContentItems.OrderBy(x => x.ContentItemId).ToListAsync());
        Assert.Equal([("p1", versions[0].ModifiedUtc), ("p2", null)], versions.Select(v => (v.ContentItemId, v.WentLiveUtc)));
        Assert.NotNull(versions[0].WentLiveUtc);
    }

    [Fact]
    public async Task AChangeMadeOnAVersionSavedOverSinceIsRefusedAndWritesNothing()
    {
        await ImportAsync(Post("p1", "blog/p1", "One"));
        var readByEditor = (await WithStoreAsync((store, _) => store.GetLatestAsync("p1")))!.ConcurrencyStamp;
        await ImportAsync(Post("p1", "blog/p1", "One, saved by someone else"));

        await using (var scope = content!.CreateScope())
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => scope.ServiceProvider.GetRequiredService<ContentVersionImporter>()
                .ImportOverAsync(Post("p1", "blog/p1", "One, edited"), readByEditor));
        }

        Assert.Equal("One, saved by someone else", (await WithStoreAsync((store, _) => store.GetLatestAsync("p1")))!.DisplayText);
    }

    private async Task<IReadOnlyList<ImportOutcome>> ImportBatchAsync(params ContentItem[] items)
    {
        await using var scope = content!.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(items);
    }

    private async Task<int> SearchCountAsync(string text)
    {
        await using var scope = content!.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<BlogSite.Cms.Content.Search.IFullTextIndex>().SearchAsync(text, 0, 10, CancellationToken.None)).Total;
    }
}

public sealed class ContentStoreOnSqliteTests : ContentStoreTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class ContentStoreOnPostgreSqlTests : ContentStoreTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}
