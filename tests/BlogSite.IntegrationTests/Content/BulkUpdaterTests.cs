using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// The UPDATEs imports write without the change tracker, on both engines (one prepared statement on SQLite, batches
/// on PostgreSQL): they set only the named columns, and never a row saved by someone else since it was read.
public abstract class BulkUpdaterTests : IAsyncLifetime
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

    [Fact]
    public async Task OnlyTheNamedColumnsOfEachRowAreSet()
    {
        var (first, second) = (Version(1), Version(2));
        await InsertAsync(first, second);
        var read = (First: first.ConcurrencyStamp, Second: second.ConcurrencyStamp);
        foreach (var version in new[] { first, second })
        {
            version.DisplayText += " changed";
            version.Latest = false;
            version.Autosaved = true;
            version.Restamp();
        }

        await UpdateAsync([(first, read.First), (second, read.Second)], [nameof(ContentItem.DisplayText), nameof(ContentItem.ConcurrencyStamp)]);

        foreach (var version in new[] { first, second })
        {
            var stored = await ReadAsync(version.Id);
            Assert.Equal(version.DisplayText, stored.DisplayText);
            Assert.Equal(version.ConcurrencyStamp, stored.ConcurrencyStamp);
            // Not named, so left as they were stored.
            Assert.True(stored.Latest);
            Assert.False(stored.Autosaved);
        }
    }

    [Fact]
    public async Task ARowSavedSinceItWasReadFailsTheUpdate()
    {
        var (first, second) = (Version(3), Version(4));
        await InsertAsync(first, second);
        var read = (First: first.ConcurrencyStamp, Second: "a stamp someone else's save replaced");
        first.DisplayText = second.DisplayText = "Overwritten";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            UpdateAsync([(first, read.First), (second, read.Second)], [nameof(ContentItem.DisplayText)]));

        // The first row was written before the second failed; the import's transaction takes it back.
        Assert.Equal(["Version 3", "Version 4"], [(await ReadAsync(first.Id)).DisplayText, (await ReadAsync(second.Id)).DisplayText]);
    }

    private static ContentItem Version(int n) => new()
    {
        ContentItemId = $"4bulkupdateitem{n:D11}",
        ContentItemVersionId = $"4bulkupdateversion{n:D8}",
        ContentType = "BlogPost",
        DisplayText = $"Version {n}",
        Latest = true,
        Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = $"Version {n}" } },
    };

    private async Task InsertAsync(params ContentItem[] versions)
    {
        await using var scope = content!.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync(versions, nameof(ContentItem.ContentItemVersionId), CancellationToken.None);
    }

    /// In a transaction, as imports run it: a refused update leaves the rows as they were once it rolls back.
    private async Task UpdateAsync(IReadOnlyList<(ContentItem, object)> rows, string[] columns)
    {
        await using var scope = content!.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<BulkUpdater>().UpdateAsync(rows, columns, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<ContentItem> ReadAsync(long id)
    {
        await using var scope = content!.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking().SingleAsync(x => x.Id == id);
    }
}

public sealed class SqliteBulkUpdaterTests : BulkUpdaterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgreSqlBulkUpdaterTests : BulkUpdaterTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();
}
