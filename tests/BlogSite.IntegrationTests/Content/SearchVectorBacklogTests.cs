using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Search;
using BlogSite.Cms.Content.Storage;
using BlogSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// On PostgreSQL a recipe's large batches store their posts' search rows without vectors, and the filler computes them
/// after the import commits; small recipes and every change outside a recipe are searchable at once.
public sealed class SearchVectorBacklogTests : IAsyncLifetime
{
    private const string Word = "zephyrine";

    private ContentServices? content;

    public async Task InitializeAsync() => content = await ContentServices.CreateAsync(await PostgreSqlTestDatabase.CreateAsync());

    public async Task DisposeAsync()
    {
        if (content is not null)
        {
            await content.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARecipesLargeBatchIsFoundOnceTheFillerHasComputedItsVectors()
    {
        var posts = PostgreSqlFullTextIndex.InlineVectors + 50;
        await ImportAsync(posts, inRecipe: true);
        var filler = FillerOf();
        var feed = content!.Services.GetRequiredService<SiteChangeFeed>();
        Assert.Equal((posts, 0), (await filler.BacklogAsync(CancellationToken.None), await SearchCountAsync()));
        var (vacuums, generation) = (await VacuumCountAsync(), feed.Generation);

        var filled = await filler.CatchUpAsync(paced: false, CancellationToken.None);

        Assert.Equal((posts, 0, posts), (filled, await filler.BacklogAsync(CancellationToken.None), await SearchCountAsync()));
        // The table is tidied for the planner, and search results kept from before are known to be stale.
        Assert.True(await VacuumCountAsync() > vacuums, "the search table was not vacuumed after its backlog");
        Assert.True(feed.Generation > generation, "no site change told the kept search results");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(PostgreSqlFullTextIndex.InlineVectors + 50, false)]
    public async Task ASmallRecipeAndAnyChangeOutsideARecipeAreFoundAtOnce(int posts, bool inRecipe)
    {
        await ImportAsync(posts, inRecipe);

        Assert.Equal((0, posts), (await FillerOf().BacklogAsync(CancellationToken.None), await SearchCountAsync()));
    }

    [Fact]
    public async Task ARowPostgreSqlCannotIndexGetsNoWordsAndHoldsUpNoOther()
    {
        var posts = PostgreSqlFullTextIndex.InlineVectors + 1;
        await ImportAsync(posts, inRecipe: true);
        var huge = Post(posts + 1);
        await using (var scope = content!.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync([huge], nameof(ContentItem.ContentItemVersionId), CancellationToken.None);
            // A body of 100,000 different words: its vector would be over PostgreSQL's 1 MB limit.
            await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database.ExecuteSqlRawAsync(
                """INSERT INTO "SearchIndex" ("DocumentId", "Title", "Body") SELECT {0}, 'Huge', string_agg(md5(g::text), ' ') FROM generate_series(1, 100000) g""",
                huge.Id);
        }

        await FillerOf().CatchUpAsync(paced: false, CancellationToken.None);

        Assert.Equal((0, posts), (await FillerOf().BacklogAsync(CancellationToken.None), await SearchCountAsync()));
        await using var check = content.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<CmsDbContext>().Database
            .SqlQueryRaw<bool>("""SELECT "Vector" = ''::tsvector AS "Value" FROM "SearchIndex" WHERE "DocumentId" = {0}""", huge.Id)
            .SingleAsync());
    }

    private async Task ImportAsync(int posts, bool inRecipe)
    {
        await using var scope = content!.CreateScope();
        using var deferred = inRecipe ? scope.ServiceProvider.GetRequiredService<SearchVectorDeferral>().Begin() : null;
        await scope.ServiceProvider.GetRequiredService<ContentBatchImporter>().ImportAsync([.. Enumerable.Range(1, posts).Select(Post)]);
    }

    private async Task<long> VacuumCountAsync()
    {
        await using var scope = content!.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database
            .SqlQueryRaw<long>("""SELECT vacuum_count AS "Value" FROM pg_stat_user_tables WHERE relname = 'SearchIndex'""")
            .SingleAsync();
    }

    private SearchVectorFiller FillerOf() => content!.Services.GetRequiredService<SearchVectorFiller>();

    private async Task<int> SearchCountAsync()
    {
        await using var scope = content!.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IFullTextIndex>().SearchAsync(Word, 0, 10, CancellationToken.None)).Total;
    }

    private static ContentItem Post(int n) => new()
    {
        ContentItemId = $"4vectorpost{n:D15}",
        ContentItemVersionId = $"4vectorversion{n:D12}",
        ContentType = "BlogPost",
        DisplayText = $"Post {n} about {Word}",
        Latest = true,
        Published = true,
        PublishedUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"Post {n} about {Word}" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = $"blog/vector-post-{n}" },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = $"The body of post {n}." },
        },
    };
}
