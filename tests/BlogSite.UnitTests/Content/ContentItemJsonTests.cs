using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.UnitTests.Content;

public sealed class ContentItemJsonTests
{
    [Fact]
    public void AnItemRoundTripsWithItsPartsAndDates()
    {
        var json = JsonNode.Parse("""
            { "ContentItemId": "abc", "ContentItemVersionId": "v1", "ContentType": "BlogPost", "DisplayText": "T",
              "Latest": true, "Published": true, "Owner": "u1", "Author": "admin",
              "CreatedUtc": "2016-03-01T09:00:00Z", "ModifiedUtc": "2016-03-02T09:00:00Z", "PublishedUtc": "2016-03-03T09:30:15Z",
              "TitlePart": { "Title": "T" }, "Custom": { "Anything": [ 1, 2 ] } }
            """)!.AsObject();

        var item = ContentItemJson.Read(json);
        var written = ContentItemJson.Write(item);

        Assert.Equal(new DateTime(2016, 3, 3, 9, 30, 15, DateTimeKind.Utc), item.PublishedUtc);
        Assert.Equal("2016-03-03T09:30:15Z", written["PublishedUtc"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(json["Custom"], written["Custom"]));
        Assert.Equal(["TitlePart", "Custom"], item.Content.Select(p => p.Key));
    }

    [Fact]
    public void PropertyNamesAreMatchedWhateverTheirCase()
    {
        var item = ContentItemJson.Read(JsonNode.Parse("""{ "contentitemid": "a", "contenttype": "Page", "displaytext": "Footer" }""")!.AsObject());

        Assert.Equal(("a", "Page", "Footer"), (item.ContentItemId, item.ContentType, item.DisplayText));
        Assert.Empty(item.Content);
    }

    [Fact]
    public void ADefaultItemIsLatestButNotPublished()
    {
        var item = ContentItemJson.Read(JsonNode.Parse("""{ "ContentItemId": "a", "ContentType": "Page" }""")!.AsObject());

        Assert.True(item.Latest);
        Assert.False(item.Published);
    }

    [Fact]
    public void GeneratedIdsHaveOrchardsShape()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => ContentItemIdGenerator.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-z]{26}$", id));
        Assert.Equal(100, ids.Distinct().Count());
    }
}
