using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.UnitTests.Content.Storage;

/// The bulk path of large imports writes what the EF Core model maps, so no column is skipped when the model grows.
public sealed class BulkInserterTests : IAsyncLifetime
{
    private readonly TestStore store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task EveryMappedPropertyOfAnItemIsWrittenAndItsKeyReadBack()
    {
        var item = new ContentItem
        {
            ContentItemId = "4bulkitem00000000000000000",
            ContentItemVersionId = "4bulkitemversion0000000000",
            ContentType = "BlogPost",
            DisplayText = "Bulk",
            Latest = true,
            Published = false,
            Owner = "owner-id",
            Author = "author",
            CreatedUtc = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ModifiedUtc = new DateTime(2021, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            PublishedUtc = new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ScheduledPublishUtc = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            Autosaved = true,
            Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Bulk" } },
        };

        await using (var scope = store.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync([item], nameof(ContentItem.ContentItemVersionId), CancellationToken.None);
        }

        var stored = await store.QueryAsync(db => db.ContentItems.AsNoTracking().SingleAsync(x => x.ContentItemVersionId == item.ContentItemVersionId));
        var properties = await store.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(ContentItem))!.GetProperties().ToList()));
        Assert.True(item.Id > 0);
        foreach (var property in properties)
        {
            var expected = property.PropertyInfo!.GetValue(item);
            var actual = property.PropertyInfo.GetValue(stored);
            Assert.True(
                expected is JsonNode node ? JsonNode.DeepEquals(node, (JsonNode?)actual) : Equals(expected, actual),
                $"{property.Name}: wrote {expected}, read {actual}");
        }
    }
}
