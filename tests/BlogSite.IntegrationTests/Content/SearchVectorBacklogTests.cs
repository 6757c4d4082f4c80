using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Search;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Content;

/// On PostgreSQL a large import stores its posts' search rows without their vectors, and the filler computes them
/// after it commits; an editor's save, or a small recipe, is searchable at once.
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
    public async Task ALargeImportIsFoundOnceTheFillerHasComputedItsVectors()
    {
        var posts = PostgreSqlFullTextIndex.InlineVectors + 50;
        await using (var scope = content!.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentBatchImporter>().ImportAsync([.. Enumerable.Range(1, posts).Select(Post)]);
        }

        var filler = FillerOf();
        Assert.Equal((posts, 0), (await filler.BacklogAsync(CancellationToken.None), await SearchCountAsync()));

        var filled = await filler.CatchUpAsync(paced: false, CancellationToken.None);

        Assert.Equal((posts, 0, posts), (filled, await filler.BacklogAsync(CancellationToken.None), await SearchCountAsync()));
    }

    [Fact]
    public async Task ASmallImportIsFoundAtOnce()
    {
        await using (var scope = content!.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentBatchImporter>().ImportAsync([.. Enumerable.Range(1, 3).Select(Post)]);
        }

        Assert.Equal((0, 3), (await FillerOf().BacklogAsync(CancellationToken.None), await SearchCountAsync()));
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
