using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// The INSERTs of large imports, on both engines (prepared statements on SQLite, binary COPY on PostgreSQL): every
/// column the model maps arrives as EF Core would have written it, keys are set on the entities, and the database's
/// own key generation carries on after them.
public abstract class BulkInserterTests : IAsyncLifetime
{
    private ContentServices? content;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    protected AsyncServiceScope CreateScope() => content!.CreateScope();

    public async Task InitializeAsync() => content = await ContentServices.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (content is not null)
        {
            await content.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryMappedColumnOfVersionsAndIndexRowsArrives()
    {
        var version = new ContentItem
        {
            ContentItemId = "4bulkinsertitem00000000000",
            ContentItemVersionId = "4bulkinsertversion00000000",
            ContentType = "BlogPost",
            DisplayText = "Bulk “quoted” ünïcode",
            Latest = true,
            Published = true,
            Owner = "owner-id",
            Author = "author",
            CreatedUtc = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ModifiedUtc = new DateTime(2021, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            PublishedUtc = new DateTime(2022, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc),
            ScheduledPublishUtc = null,
            Autosaved = true,
            Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Bulk" }, ["Body"] = new string('x', 5000) },
        };
        await InsertAsync([version], nameof(ContentItem.ContentItemVersionId));
        Assert.True(version.Id > 0);

        var link = new TaxonomyIndex
        {
            DocumentId = version.Id, ContentItemId = version.ContentItemId, ContentType = "BlogPost", ContentPart = "BlogPost", ContentField = "Tags",
            TaxonomyContentItemId = "4taxonomy", TermContentItemId = "4term", Published = true, Latest = false, PublishedUtc = version.PublishedUtc,
        };
        var term = new TermIndex
        {
            DocumentId = version.Id, TaxonomyContentItemId = "4taxonomy", TermContentItemId = "4term", ParentTermContentItemId = null,
            ContentType = "Tag", DisplayText = "Term", Path = "tags/term", Level = 2, Order = 7, Published = false, Latest = true,
        };
        await InsertAsync([link], readKeysBy: null);
        await InsertAsync([term], readKeysBy: null);

        await AssertStoredAsync(version, keyRead: true, db => db.ContentItems.AsNoTracking().SingleAsync(x => x.Id == version.Id));
        await AssertStoredAsync(link, keyRead: false, db => db.TaxonomyLinks.AsNoTracking().SingleAsync(x => x.DocumentId == version.Id));
        await AssertStoredAsync(term, keyRead: false, db => db.Terms.AsNoTracking().SingleAsync(x => x.DocumentId == version.Id));
    }

    [Fact]
    public async Task KeysFollowTheInsertOrderAndTheDatabaseCarriesOnAfterThem()
    {
        var versions = Enumerable.Range(1, 3).Select(Version).ToList();
        await InsertAsync(versions, nameof(ContentItem.ContentItemVersionId));

        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var stored = await db.ContentItems.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.ContentItemVersionId }).ToListAsync();
        Assert.Equal(versions.Select(v => (v.Id, v.ContentItemVersionId)), stored.Select(s => (s.Id, s.ContentItemVersionId)));
        Assert.Equal(versions.Select(v => v.Id).Order(), versions.Select(v => v.Id));

        // A version EF Core saves afterwards gets the next key, not one the bulk insert already used.
        var next = Version(4);
        db.ContentItems.Add(next);
        await db.SaveChangesAsync();
        Assert.True(next.Id > versions[^1].Id);
    }

    [Fact]
    public async Task SearchRowsOfATableTheModelDoesNotMapArrive()
    {
        var version = Version(5);
        await InsertAsync([version], nameof(ContentItem.ContentItemVersionId));
        await using var scope = CreateScope();
        var body = "Sanctions and shipping — " + new string('y', 4000);
        await scope.ServiceProvider.GetRequiredService<IFullTextIndex>().IndexManyAsync([(version.Id, "A title", body)], CancellationToken.None);

        var hits = await scope.ServiceProvider.GetRequiredService<IFullTextIndex>().SearchAsync("shipping", 0, 10, CancellationToken.None);
        Assert.Equal(version.Id, Assert.Single(hits.Hits).DocumentId);
    }

    private static ContentItem Version(int n) => new()
    {
        ContentItemId = $"4bulkinsertitem{n:D11}",
        ContentItemVersionId = $"4bulkinsertversion{n:D8}",
        ContentType = "BlogPost",
        DisplayText = $"Version {n}",
        Latest = true,
        Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = $"Version {n}" } },
    };

    private async Task InsertAsync<TEntity>(IReadOnlyList<TEntity> entities, string? readKeysBy)
        where TEntity : class
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync(entities, readKeysBy, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// Index rows are inserted without reading their keys back (nothing refers to them), so their keys are not compared.
    private async Task AssertStoredAsync<TEntity>(TEntity written, bool keyRead, Func<CmsDbContext, Task<TEntity>> read)
        where TEntity : class
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var stored = await read(db);
        foreach (var property in db.Model.FindEntityType(typeof(TEntity))!.GetProperties().Where(p => !p.IsShadowProperty() && (keyRead || !p.IsPrimaryKey())))
        {
            var expected = property.PropertyInfo!.GetValue(written);
            var actual = property.PropertyInfo.GetValue(stored);
            Assert.True(
                expected is JsonNode node ? JsonNode.DeepEquals(node, (JsonNode?)actual) : Equals(expected, actual),
                $"{typeof(TEntity).Name}.{property.Name}: wrote {expected}, read {actual}");
        }
    }
}

public sealed class SqliteBulkInserterTests : BulkInserterTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgreSqlBulkInserterTests : BulkInserterTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgreSqlTestDatabase.CreateAsync();

    [Fact]
    public async Task ItemJsonAndSearchTextAreCompressedWithLz4()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var methods = await db.Database.SqlQueryRaw<string>(
            """
            SELECT attrelid::regclass::text || '.' || attname || '=' || attcompression::text AS "Value" FROM pg_attribute
            WHERE (attrelid = '"ContentItems"'::regclass AND attname = 'Data') OR (attrelid = '"SearchIndex"'::regclass AND attname = 'Body')
            ORDER BY 1
            """).ToListAsync();
        Assert.Equal(["\"ContentItems\".Data=l", "\"SearchIndex\".Body=l"], methods);
    }
}
